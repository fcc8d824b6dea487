/** Where the CLI writes; tests pass a collector. Each call is one line. */
export interface Output {
  stdout(line: string): void;
  stderr(line: string): void;
}

/**
 * A line as the terminal should show it: control characters from file names and cells (ANSI and
 * OSC escapes, line breaks, backspace) are written as \u001b and the like, never obeyed.
 */
export function escapeControls(line: string): string {
  return line.replace(
    // eslint-disable-next-line no-control-regex -- matching them is the point
    /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`
  );
}

/** Text of many lines (JSON, the usage), one line at a time: only its own line breaks are kept. */
export function printLines(print: (line: string) => void, text: string): void {
  for (const line of text.split("\n")) print(line);
}

/** JSON, pretty-printed; its strings carry any control character escaped already. */
export function printJson(out: Output, value: unknown): void {
  printLines((line) => out.stdout(line), JSON.stringify(value, null, 2));
}

/**
 * Writes lines to a stream; once the reader has gone (`quota validate … | head -1`: EPIPE),
 * the rest is dropped quietly instead of ending in a stack trace.
 */
function lineWriter(stream: NodeJS.WriteStream): (line: string) => void {
  let closed = false;
  let listening = false;
  return (line) => {
    if (!listening) {
      listening = true;
      stream.on("error", (error: NodeJS.ErrnoException) => {
        if (error.code !== "EPIPE") throw error;
        closed = true;
      });
    }
    if (!closed) stream.write(escapeControls(line) + "\n");
  };
}

export const processOutput: Output = {
  stdout: lineWriter(process.stdout),
  stderr: lineWriter(process.stderr),
};
