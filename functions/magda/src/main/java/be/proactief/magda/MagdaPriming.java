package be.proactief.magda;

import be.proactief.core.insz.Insz;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** SnapStart priming of the client, offline: the XML and signing stacks loaded and warm, nothing sent. */
final class MagdaPriming {

    private MagdaPriming() {
    }

    /** A MAGDA test number (month 61): never a resident, and never sent anywhere. */
    private static final Insz PRIMING_INSZ = Insz.parse("00610100108");

    /** A reply of the shape the platform sends, written for priming (no data of anyone). */
    private static final String PRIMING_REPLY = """
            <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/">
              <soapenv:Body>
                <GeefSociaalStatuutResponse xmlns="http://magda.vlaanderen.be/soczek/soap/geefsociaalstatuut/v03_00">
                  <Repliek>
                    <Context><Bericht>
                      <Afzender><Referte>priming</Referte></Afzender>
                      <Ontvanger><Referte>priming</Referte></Ontvanger>
                    </Bericht></Context>
                    <Antwoorden><Antwoord><Referte>priming</Referte><Inhoud><Persoon>
                      <INSZ>00610100108</INSZ>
                      <SocialeStatuten><SociaalStatuut>
                        <Naam>priming</Naam>
                        <Resultaat><Code>1</Code></Resultaat>
                        <Periodes><Periode><Begindatum>2000-01-01</Begindatum><Einddatum>2000-12-31+01:00</Einddatum></Periode></Periodes>
                      </SociaalStatuut></SocialeStatuten>
                    </Persoon></Inhoud></Antwoord></Antwoorden>
                  </Repliek>
                </GeefSociaalStatuutResponse>
              </soapenv:Body>
            </soapenv:Envelope>
            """;

    /**
     * SnapStart priming, offline: builds one request envelope and parses one reply, so the XML
     * stack is loaded and warm in the snapshot. Nothing is sent, no counter or circuit changes.
     *
     * @return the number of statuses the priming reply held (1)
     */
    static int prime(MagdaConfig config, SoapTransport transport, Clock clock) {
        GeefSociaalStatuutRequest request = GeefSociaalStatuutRequest.forQuestion(config, PRIMING_INSZ, List.of("priming"),
                LocalDate.now(clock.withZone(GeefSociaalStatuutRequest.BRUSSELS)), clock);
        String envelope = transport.envelope(request); // the signing stack too
        if (envelope.isEmpty()) throw new IllegalStateException("empty priming envelope");
        try {
            return GeefSociaalStatuutReply.parse(PRIMING_REPLY).statuten().size();
        } catch (MalformedReplyException e) {
            throw new IllegalStateException("the priming reply no longer parses: " + e.getMessage(), e);
        }
    }

}
