import type { Deps } from '../../src/deps.ts';

export interface CommandIo {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/** One `npm run fp -- NAME …` command. `run` returns the process exit code. */
export interface Command {
  name: string;
  usage: string;
  run(args: string[], deps: Deps, io: CommandIo): Promise<number>;
}

/** Splits `--flag value` and `--flag=value` options from positional arguments. */
export function parseArgs(args: string[], booleans: string[] = []) {
  const positional: string[] = [];
  const options: Record<string, string | true> = {};
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s) as [string, string | undefined];
    if (inline !== undefined) options[name] = inline;
    else if (booleans.includes(name) || args[i + 1] === undefined || args[i + 1]!.startsWith('--')) options[name] = true;
    else options[name] = args[(i += 1)]!;
  }
  return { positional, options };
}

export const write = (stream: NodeJS.WritableStream, text: string) => stream.write(text.endsWith('\n') ? text : `${text}\n`);
