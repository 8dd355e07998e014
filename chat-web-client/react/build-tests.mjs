// Bundles the test pages' scripts with esbuild into ../target/test-classes/ticket-chat-react/, where the
// browser tests (TicketChatReactBrowserTest, chat-bootstrap's GuideUsageExampleBrowserTest) serve them:
//   react-18.js, react-19.js  the harness (test/harness.jsx) with React 18 and with React 19
//   guide.js                  the guide's usage example, unchanged (test/guide-example.jsx), with React 19
//   axe.min.js                axe-core, for the accessibility checks
// Run by the Maven build (exec-maven-plugin, generate-test-resources) after `npm ci`.
import { build } from 'esbuild';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..', 'target', 'test-classes', 'ticket-chat-react');
await mkdir(out, { recursive: true });

const react18 = { react: 'react18', 'react-dom': 'react-dom18' };

// The guide's snippet declares TicketDetail without exporting it; the bundle adds the export after it.
const guideExample = {
  name: 'guide-example',
  setup(b) {
    b.onLoad({ filter: /guide-example\.jsx$/ }, async (args) => ({
      contents: `${await readFile(args.path, 'utf8')}\nexport { TicketDetail };\n`,
      loader: 'jsx',
      resolveDir: dirname(args.path),
    }));
  },
};

const common = {
  bundle: true, format: 'esm', target: 'es2022', jsx: 'automatic', logLevel: 'warning',
  define: { 'process.env.NODE_ENV': '"development"' }, resolveExtensions: ['.jsx', '.js'],
};
await Promise.all([
  build({ ...common, entryPoints: [join(here, 'test', 'harness.jsx')], outfile: join(out, 'react-18.js'), alias: react18 }),
  build({ ...common, entryPoints: [join(here, 'test', 'harness.jsx')], outfile: join(out, 'react-19.js') }),
  build({
    ...common, entryPoints: [join(here, 'test', 'guide-app.jsx')], outfile: join(out, 'guide.js'),
    // The snippet uses useState without importing it, as the guide's page would have: provide it.
    inject: [join(here, 'test', 'guide-globals.js')], plugins: [guideExample],
  }),
  copyFile(join(here, 'node_modules', 'axe-core', 'axe.min.js'), join(out, 'axe.min.js')),
]);
console.log(`ticket-chat-react: test bundles written to ${out}`);
