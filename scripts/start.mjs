// npm start: the packaged extension in a real VS Code (code-server) on http://127.0.0.1:PORT, in your browser.
// Builds and packages, installs the .vsix into a cache extensions folder, opens a fresh copy of the sample
// workspace with fresh user data, and runs until Ctrl-C. PORT=8080 npm start picks the port;
// `npm start -- --no-package` reuses the last dist/interview-dialogues.vsix.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  CODE_SERVER_VERSION, FIXTURE_WORKSPACE, REPO, copyToTemp, ensureVSCode, startServer,
} from './vscode-web.mjs';

const port = process.env.PORT ? Number(process.env.PORT) : undefined;
if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) {
  console.error(`PORT=${process.env.PORT} is not a port number.`);
  process.exit(2);
}

const vsix = path.join(REPO, 'dist', 'interview-dialogues.vsix');
if (!process.argv.includes('--no-package')) {
  console.error('Building and packaging the extension…');
  const packaged = spawnSync('npm', ['run', 'package', '--silent'], { cwd: REPO, stdio: 'inherit' });
  if (packaged.status !== 0) {
    console.error('npm run package failed: see above.');
    process.exit(1);
  }
} else if (!fs.existsSync(vsix)) {
  console.error(`${vsix} does not exist: run \`npm start\` without --no-package once.`);
  process.exit(1);
}

const { cache } = ensureVSCode();
// A cache folder (not the server's temp root) so the installed extension is there to inspect after a run.
const extensionsDir = path.join(cache, 'start', 'extensions');
fs.rmSync(extensionsDir, { recursive: true, force: true });
const workspace = await copyToTemp(FIXTURE_WORKSPACE); // removed when this process exits

// Ctrl-C: scripts/vscode-web.mjs stops the server's whole process group and exits.
const server = await startServer({
  folder: workspace,
  port,
  extensionsDir,
  vsix,
}).catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

console.log(`
Interview Dialogues in VS Code ${CODE_SERVER_VERSION.replace(/^4\./, '1.')} (code-server ${CODE_SERVER_VERSION}):

  ${server.workbenchUrl(workspace)}

Workspace: ${workspace} (a fresh copy of test/fixtures/workspace)
Server log: ${server.logFile}
Press Ctrl-C to stop.`);

const { code, signal } = await server.exited;
if (server.stopped) await new Promise(() => {}); // Ctrl-C: the signal handler finishes and exits
console.error(`The VS Code server stopped by itself (${code ?? signal}); its log was ${server.logFile}`);
await server.stop();
process.exit(1);
