/**
 * The syntax check of Python answers. CPython's own compiler (`compile(..., PyCF_ONLY_AST)`) is
 * the authority: it catches IndentationError, TabError and Python 2 leftovers that tree-sitter
 * accepts. One long-lived interpreter serves every check of a run over JSON lines, so a check
 * costs a pipe round trip, not a process start. Without a usable Python, tree-sitter-python is the
 * fallback.
 */
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { spawnChild } from '../runtime/process';
import { pythonParser } from '../validate/syntax-layer';

export interface SyntaxIssue {
  message: string;
  /** 1-based, when known. */
  line: number | null;
  column: number | null;
}

export interface SyntaxChecker {
  readonly kind: 'cpython' | 'tree-sitter';
  /** Null when `code` parses; otherwise the first error. */
  check(code: string): Promise<SyntaxIssue | null>;
  close(): Promise<void>;
}

/** "SyntaxError: invalid syntax (line 3, column 5)". */
export function formatSyntaxIssue(issue: SyntaxIssue): string {
  return issue.line === null ? issue.message : `${issue.message} (line ${issue.line}, column ${issue.column ?? 0})`;
}

const CHECK_SCRIPT = `
import ast, json, sys
for raw in sys.stdin:
    req = json.loads(raw)
    out = {"id": req["id"], "ok": True}
    try:
        compile(req["code"], "<answer>", "exec", ast.PyCF_ONLY_AST, dont_inherit=True)
    except SyntaxError as e:
        out = {"id": req["id"], "ok": False, "message": type(e).__name__ + ": " + str(e.msg), "line": e.lineno, "column": e.offset}
    except (ValueError, TypeError) as e:
        out = {"id": req["id"], "ok": False, "message": type(e).__name__ + ": " + str(e), "line": None, "column": None}
    sys.stdout.write(json.dumps(out) + "\\n")
    sys.stdout.flush()
`;

interface CheckReply {
  id: number;
  ok: boolean;
  message?: string;
  line?: number | null;
  column?: number | null;
}

/** A checker backed by one `python` process; rejects when the interpreter cannot start. */
export async function startCpythonChecker(python = 'python3'): Promise<SyntaxChecker> {
  // Own process group and an allowlisted environment (no API key), killed with the run.
  const child = spawnChild(python, ['-I', '-c', CHECK_SCRIPT], { stdio: 'pipe' }) as ChildProcessWithoutNullStreams;
  const pending = new Map<number, (reply: CheckReply) => void>();
  let nextId = 1;
  let dead: Error | null = null;
  const failAll = (error: Error) => {
    dead ??= error;
    for (const resolve of pending.values())
      resolve({ id: 0, ok: false, message: `syntax checker stopped: ${error.message}` });
    pending.clear();
  };
  await new Promise<void>((resolve, reject) => {
    child.once('spawn', () => resolve());
    child.once('error', (e) => reject(new Error(`cannot start ${python}: ${e.message}`)));
  });
  child.on('error', (e) => failAll(e));
  child.on('exit', (code) => failAll(new Error(`${python} exited with code ${code}`)));
  child.stdin.on('error', (e) => failAll(e));
  createInterface({ input: child.stdout }).on('line', (line) => {
    const reply = JSON.parse(line) as CheckReply;
    pending.get(reply.id)?.(reply);
    pending.delete(reply.id);
  });
  const checker: SyntaxChecker = {
    kind: 'cpython',
    check(code) {
      if (dead) return Promise.reject(dead);
      const id = nextId++;
      return new Promise<SyntaxIssue | null>((resolve) => {
        pending.set(id, (reply) =>
          resolve(
            reply.ok
              ? null
              : { message: reply.message ?? 'SyntaxError', line: reply.line ?? null, column: reply.column ?? null },
          ),
        );
        child.stdin.write(JSON.stringify({ id, code }) + '\n');
      });
    },
    async close() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.stdin.end();
      await exited;
    },
  };
  const probe = await checker.check('x = 1\n');
  if (probe !== null) {
    await checker.close();
    throw new Error(`${python} cannot check syntax: ${probe.message}`);
  }
  return checker;
}

/** A checker backed by tree-sitter-python (WebAssembly, no interpreter needed). */
export async function startTreeSitterChecker(): Promise<SyntaxChecker> {
  const parser = await pythonParser();
  return {
    kind: 'tree-sitter',
    check(code) {
      const tree = parser.parse(code);
      if (!tree) return Promise.resolve({ message: 'SyntaxError: the parser gave up', line: null, column: null });
      try {
        if (!tree.rootNode.hasError) return Promise.resolve(null);
        const cursor = tree.rootNode.walk();
        const visit = (): SyntaxIssue | null => {
          const node = cursor.currentNode;
          if (node.isError || node.isMissing) {
            const what = node.isMissing ? `missing ${node.type}` : 'invalid syntax';
            return {
              message: `SyntaxError: ${what}`,
              line: node.startPosition.row + 1,
              column: node.startPosition.column + 1,
            };
          }
          if (node.hasError && cursor.gotoFirstChild()) {
            do {
              const found = visit();
              if (found) return found;
            } while (cursor.gotoNextSibling());
            cursor.gotoParent();
          }
          return null;
        };
        return Promise.resolve(visit() ?? { message: 'SyntaxError: invalid syntax', line: null, column: null });
      } finally {
        tree.delete();
      }
    },
    /** The parser is the process-wide one the validator shares; nothing to release. */
    close() {
      return Promise.resolve();
    },
  };
}

/** CPython when `python` starts and can compile, else tree-sitter. */
export async function startSyntaxChecker(options: { python?: string } = {}): Promise<SyntaxChecker> {
  try {
    return await startCpythonChecker(options.python ?? 'python3');
  } catch {
    return startTreeSitterChecker();
  }
}
