import type { CommandIo } from './command.ts';

const MAX_PIPED_BYTES = 4096;

interface RawModeStream {
  setRawMode(mode: boolean): unknown;
}

const isTerminal = (stdin: CommandIo['stdin']): stdin is CommandIo['stdin'] & RawModeStream =>
  stdin.isTTY === true && typeof (stdin as Partial<RawModeStream>).setRawMode === 'function';

/** Asks on the terminal without echoing what is typed. Ctrl-C cancels. */
function promptHidden(io: CommandIo & { stdin: RawModeStream }, question: string): Promise<string> {
  const { stdin, stdout } = io;
  return new Promise((resolve, reject) => {
    let typed: string[] = [];
    const finish = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      stdout.write('\n');
    };
    const onData = (chunk: Buffer | string) => {
      for (const ch of chunk.toString()) {
        if (ch === '\r' || ch === '\n') {
          finish();
          return resolve(typed.join(''));
        }
        if (ch === '\u0003' || ch === '\u0004') {
          finish();
          return reject(new Error('Cancelled: no account was changed.'));
        }
        if (ch === '\u007f' || ch === '\b') typed = typed.slice(0, -1);
        else if (ch === '\u0015') typed = []; // Ctrl-U clears the line, as in a shell.
        else if (ch >= ' ') typed.push(ch);
      }
    };
    stdout.write(question);
    stdin.setRawMode(true);
    stdin.on('data', onData);
    stdin.resume();
  });
}

/** The first line of standard input, for `printf '%s\n' "$PASSWORD" | npm run fp -- user add …`. */
async function readPiped(stdin: CommandIo['stdin']): Promise<string> {
  let text = '';
  for await (const chunk of stdin) {
    text += chunk.toString();
    if (text.length > MAX_PIPED_BYTES) throw new Error('Standard input is too long to be a password.');
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/)[0] ?? '';
}

/**
 * A new password from a prompt (typed twice, not echoed) when standard input is a terminal,
 * otherwise from the first line of standard input. Never from the command line, where it
 * would stay in the shell history and the process list.
 */
export async function readNewPassword(io: CommandIo): Promise<string> {
  if (!isTerminal(io.stdin)) return readPiped(io.stdin);
  const ttyIo = io as CommandIo & { stdin: RawModeStream };
  const first = await promptHidden(ttyIo, 'Password: ');
  const second = await promptHidden(ttyIo, 'Type the password again: ');
  if (first !== second) throw new Error('The two passwords are different: no account was changed.');
  return first;
}
