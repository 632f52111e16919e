// npm run start:desktop: the extension from this folder in desktop VS Code, on test/fixtures/workspace.
// Needs the `code` command; without it, `npm start` runs a real VS Code in the browser instead.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { FIXTURE_WORKSPACE, REPO } from './vscode-web.mjs';

function which(command) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    for (const name of process.platform === 'win32' ? [`${command}.cmd`, `${command}.exe`] : [command]) {
      const candidate = path.join(dir, name);
      if (dir && fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
    }
  }
  return undefined;
}

const code = which('code');
if (!code) {
  console.error(`Desktop VS Code is not installed here (no \`code\` command on PATH).
  - Run \`npm start\` instead: it starts a real VS Code (code-server) with the packaged extension and prints
    a URL to open in your browser.
  - Or install VS Code from https://code.visualstudio.com/ and add \`code\` to PATH
    (on macOS: Command Palette > "Shell Command: Install 'code' command in PATH").`);
  process.exit(1);
}

const built = spawnSync('npm', ['run', 'build', '--silent'], { cwd: REPO, stdio: 'inherit', shell: process.platform === 'win32' });
if (built.status !== 0) process.exit(built.status ?? 1);

const child = spawn(code, [`--extensionDevelopmentPath=${REPO}`, FIXTURE_WORKSPACE], {
  stdio: 'inherit',
  shell: process.platform === 'win32',
});
child.on('exit', (status) => process.exit(status ?? 0));
