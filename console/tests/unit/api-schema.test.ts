import openapiTS, { astToString } from 'openapi-typescript';
import { describe, expect, it } from 'vitest';
import committed from '../../src/api/schema.d.ts?raw';

// The console's API client is typed from the OpenAPI document the check-api serves (GET /v1/openapi.json):
// src/api/schema.d.ts is what `npm run generate:api` makes of it. When the document changes, regenerate.
const documentUrl = new URL('../../../functions/check-api/src/main/resources/openapi.json', import.meta.url);

/** The types without comments and layout. */
function types(text: string): string {
  return text
    .split('\n')
    .filter((line) => !/^\s*(\/\*\*|\*\/|\*( |$))/.test(line))
    .join('\n')
    .replace(/\s+/g, ' ')
    .trim();
}

describe('the typed API client', () => {
  it('is generated from the OpenAPI document as it is now (run npm run generate:api after changing it)', async () => {
    const generated = astToString(await openapiTS(documentUrl));
    expect(types(committed)).toBe(types(generated));
  });
});
