package be.proactief.bench;

import be.proactief.core.insz.Insz;
import be.proactief.magda.GeefSociaalStatuutRequest;
import be.proactief.magda.KeyMaterial;
import be.proactief.magda.MagdaClient;
import be.proactief.magda.MagdaConfig;
import be.proactief.magda.WsSecuritySigner;
import be.proactief.testkit.ProjectPaths;
import be.proactief.testkit.magda.DevelopmentKeystore;
import be.proactief.testkit.magda.MagdaSimulator;
import be.proactief.testkit.magda.Personas;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * What the WS-Security signature costs per MAGDA question, measured in one run: signing an envelope alone (the first
 * time in this JVM, and warm), and whole questions to the simulator over loopback, signed (to a simulator that checks
 * the signature) and unsigned, interleaved so both see the same machine noise.
 *
 * <p>Arguments: {@code [questions per variant (5000)] [warm-up (2000)]}.
 */
public final class SigningBenchmark {

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        Path dir = Files.createTempDirectory("bench-signing-");
        Path p12 = DevelopmentKeystore.generate(dir.resolve("city.p12"), "bench.city");
        KeyMaterial city = KeyMaterial.load(new MagdaConfig.StoreRef(p12, DevelopmentKeystore.PASSWORD, null));
        Insz insz = Personas.increasedAllowance().insz();
        LocalDate date = LocalDate.of(2025, 3, 1);
        try (MagdaSimulator checking = new MagdaSimulator().registerAll(Personas.all()).start().trust(city.certificate());
             MagdaSimulator plain = new MagdaSimulator().registerAll(Personas.all()).start()) {
            MagdaConfig signedConfig = MagdaConfig.defaults(checking.endpoint(), "bench.city/proactief", "1303").withTls(city, null);
            MagdaConfig unsignedConfig = MagdaConfig.defaults(plain.endpoint(), "bench.city/proactief", "1303");
            WsSecuritySigner signer = WsSecuritySigner.of(city, WsSecuritySigner.Algorithm.RSA_SHA256);
            String envelope = GeefSociaalStatuutRequest.forQuestion(unsignedConfig, insz, List.of("BIM_BVT"), date, Clock.systemUTC()).toSoapEnvelope();

            long t0 = System.nanoTime();
            signer.sign(envelope);
            long firstSign = System.nanoTime() - t0;

            for (int i = 0; i < warmup; i++) signer.sign(envelope);
            long[] sign = new long[n];
            for (int i = 0; i < n; i++) {
                long s = System.nanoTime();
                signer.sign(envelope);
                sign[i] = System.nanoTime() - s;
            }

            MagdaClient signed = new MagdaClient(signedConfig);
            MagdaClient unsigned = new MagdaClient(unsignedConfig);
            for (int i = 0; i < warmup; i++) {
                signed.ask(insz, List.of("BIM_BVT"), date);
                unsigned.ask(insz, List.of("BIM_BVT"), date);
            }
            long[] withSig = new long[n];
            long[] without = new long[n];
            for (int i = 0; i < n; i++) {
                long a = System.nanoTime();
                signed.ask(insz, List.of("BIM_BVT"), date);
                withSig[i] = System.nanoTime() - a;
                long b = System.nanoTime();
                unsigned.ask(insz, List.of("BIM_BVT"), date);
                without[i] = System.nanoTime() - b;
            }
            String md = String.format(Locale.ROOT, """
                    | measure | value |
                    |---|---|
                    | first signature in this JVM (class loading, JIT cold) | %.1f ms |
                    | signing one envelope, warm: p50 / p99 (%d after %d warm-up) | %.3f ms / %.3f ms |
                    | whole question over loopback, unsigned: p50 / p99 | %.3f ms / %.3f ms |
                    | whole question, signed (and checked by the simulator): p50 / p99 | %.3f ms / %.3f ms |
                    | signed / unsigned, p50 | %.2f× |
                    | envelope size unsigned → signed | %d → %d bytes |
                    """, firstSign / 1e6, n, warmup, CheckApiBenchmark.pct(sign, 50) / 1e6, CheckApiBenchmark.pct(sign, 99) / 1e6,
                    CheckApiBenchmark.pct(without, 50) / 1e6, CheckApiBenchmark.pct(without, 99) / 1e6,
                    CheckApiBenchmark.pct(withSig, 50) / 1e6, CheckApiBenchmark.pct(withSig, 99) / 1e6,
                    CheckApiBenchmark.pct(withSig, 50) / (double) CheckApiBenchmark.pct(without, 50),
                    envelope.getBytes(java.nio.charset.StandardCharsets.UTF_8).length,
                    signer.sign(envelope).getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
            System.out.println(md);
            Path out = ProjectPaths.root().resolve("bench/target/signing-results.md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, md);
        }
    }
}
