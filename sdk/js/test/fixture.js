import { readFileSync } from 'node:fs';

/**
 * The seeded gateway the integration tests run against (the repository's
 * test/helpers/sdk-scenario.ts): MESH_TRACE_BASE_URL and MESH_TRACE_API_KEY
 * point the client at it, MESH_TRACE_IT_FIXTURE names the file describing
 * the seeded data. Without it the integration tests are skipped.
 */
const path = process.env.MESH_TRACE_IT_FIXTURE;
export const fx = path ? JSON.parse(readFileSync(path, 'utf8')) : null;
export const skip = fx === null ? 'MESH_TRACE_IT_FIXTURE is not set: no gateway to test against' : false;
