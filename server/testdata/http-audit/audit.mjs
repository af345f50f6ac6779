// Runs the GraphQL-over-HTTP server audits of graphql-http against the URL
// given as the first argument and exits non-zero on any failure or warning.
// Run by server/http_audit_test.go:  node audit.mjs http://127.0.0.1:PORT/query
import { serverAudits } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: node audit.mjs URL');
  process.exit(2);
}

let bad = 0;
let total = 0;
for (const audit of serverAudits({ url })) {
  total++;
  const result = await audit.fn();
  if (result.status !== 'ok') {
    bad++;
    let body = '';
    if (result.response) {
      body = ` (status ${result.response.status}, content-type ${result.response.headers.get('content-type')}: ${(await result.response.text()).slice(0, 300)})`;
    }
    console.log(`${result.status.toUpperCase()} ${result.id} ${result.name}: ${result.reason}${body}`);
  }
}
console.log(`${total - bad} of ${total} audits passed`);
process.exit(bad === 0 ? 0 : 1);
