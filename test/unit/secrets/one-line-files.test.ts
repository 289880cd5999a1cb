import assert from 'node:assert/strict';
import { randomPassword } from '../../helpers/secret-samples.js';
import { scanText, secretsConfig } from './helpers.js';
import type { Finding } from '../../../src/model/index.js';

/** Rule and position only: the confidence of a random value varies with its character statistics. */
const at = (f: Finding) => `${f.ruleId}@${f.line}:${f.column}`;

/**
 * Minified bundles and source maps are one line of megabytes. Every keyword hit used to search
 * back to the line start (the file start), so scan time grew with hits × file size.
 */
describe('one-line files (minified code, source maps)', function () {
  this.timeout(10_000);

  it('scans a 600 kB single line full of keyword hits in linear time', async () => {
    const line = '{"token":1,"<password>":2,"pass":"x"},'.repeat(16_000);
    const started = performance.now();
    assert.deepEqual(await scanText('dist/app.min.js.map', line, { config: secretsConfig({ maxFileSize: 1 << 30 }) }), []);
    const ms = performance.now() - started;
    // ~40 ms here; the quadratic search took ~6 s on this input (and 218 s on 4 MB).
    assert.ok(ms < 1500, `took ${ms.toFixed(0)} ms`);
  });

  it('still reads the legacy Dockerfile form with indentation and tabs, only after ENV/ARG at the line start', async () => {
    const secret = `k${randomPassword(17)}`; // not `=…`, which would make line 3 an assignment
    const found = await scanText('Dockerfile', `FROM node:20\n  ENV\tADMIN_PASSWORD ${secret}\nRUN echo ENV ADMIN_PASSWORD ${secret}\n`);
    assert.deepEqual(found.map(at), ['generic-password@2:22']);
  });

  it('reads an XML element value only when its closing tag is the next tag on the line', async () => {
    const secret = randomPassword(20);
    const text = `<a><password>${secret}</password></a>\n<password>${secret}<b/></password>\n<password>${secret}\n</password>\n`;
    const found = await scanText('conf/settings.xml', text);
    assert.deepEqual(found.map(at), ['generic-password@1:14']);
  });
});
