import { spawn } from 'node:child_process';
import { ApiError } from '../../core/errors.js';

/**
 * INWONER_VIRUS_SCAN_COMMAND (e.g. `clamdscan --no-summary`), run with the file's path as last
 * argument, without a shell. Exit 0: clean; any other exit: refused (400 virus-gevonden); a
 * scanner that cannot run at all is our fault (503), never a silent pass.
 */
export async function scanForVirus(command: string | undefined, path: string): Promise<void> {
  if (!command) return;
  const [program, ...args] = command.split(/\s+/).filter(Boolean);
  const code = await new Promise<number | 'failed'>((resolve) => {
    const child = spawn(program, [...args, path], { stdio: 'ignore' });
    child.on('error', () => resolve('failed'));
    child.on('close', (c) => resolve(c ?? 1));
  });
  if (code === 'failed') throw new ApiError(503, 'De virusscanner is niet beschikbaar; probeer het later opnieuw.');
  if (code !== 0) throw new ApiError(400, 'Het bestand is geweigerd: de virusscanner vond een probleem.', { code: 'virus-gevonden' });
}
