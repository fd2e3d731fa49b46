/**
 * A few pages of one browser that print in parallel (each page is its own renderer process, so
 * two pages use two cores), shared by every print of a build. Each page keeps the `<head>` of the
 * last document it printed — the stylesheet and its fonts, the costly part to load — so that the
 * parts of one document are printed by swapping only their body.
 *
 * Work is pulled, not pushed: a free page asks the jobs (one per document being paginated, see
 * `paginate.ts`) for a task, the jobs' urgent tasks first (a print that others wait for), then
 * their speculative ones (measuring a part's length ahead of time). A job that has nothing to give
 * now is asked again whenever a task ends.
 *
 * Not for: launching the browser (`browser.ts`) or deciding what to print (`paginate.ts`).
 */
import type { BrowserSession, LoadedPage } from './browser.ts';

/** A unit of work for one page, which holds the job's document shell when `run` is called. */
export interface PrintTask {
  run(page: LoadedPage): Promise<void>;
  /** Called instead of (or after) `run` when the page could not be prepared or `run` threw. */
  fail(error: unknown): void;
}

/** A document without the content of its body: what a page keeps from one task to the next. */
export interface DocumentShell {
  /** From the start of the document to the end of the `<body>` start tag. */
  head: string;
  /** From `</body>` to the end. */
  tail: string;
}

/** Something that has print tasks to give. */
export interface PrintJob {
  /** The document every task of the job runs in (the same object for all of them). */
  readonly shell: DocumentShell;
  /** A task that others wait for, or undefined. */
  urgent(): PrintTask | undefined;
  /** A task that may save time later (or be wasted), or undefined. */
  speculative(): PrintTask | undefined;
}

export interface PrintPool {
  /** Pages printing at once. */
  readonly size: number;
  /** Adds a job; its tasks are run until `finished` settles. */
  add(job: PrintJob, finished: Promise<unknown>): void;
  /** Asks the jobs for work again (a job calls this when it has new tasks). */
  wake(): void;
  /** Closes the pool's pages (not the browser). */
  close(): Promise<void>;
}

interface Worker {
  page?: LoadedPage;
  shell?: DocumentShell;
  busy: boolean;
  /** A page was loaded before any task asked for it (`preload`). */
  preloaded?: boolean;
}

/**
 * Opens a pool of printing pages on a browser.
 * @param session the build's browser
 * @param size pages printing at once (default 2: one per core of a small machine; each page
 *   holds a renderer process, about 100–200 MB)
 */
export function createPrintPool(session: BrowserSession, size = 2): PrintPool {
  const workers: Worker[] = Array.from({ length: Math.max(1, size) }, () => ({ busy: false }));
  const jobs: PrintJob[] = [];
  let closed = false;

  const take = (worker: Worker): { job: PrintJob; task: PrintTask } | undefined => {
    // Jobs whose document this page already holds first: no head to load.
    const ordered = [...jobs].sort((a, b) => Number(b.shell === worker.shell) - Number(a.shell === worker.shell));
    for (const job of ordered) {
      const task = job.urgent();
      if (task) return { job, task };
    }
    for (const job of ordered) {
      const task = job.speculative();
      if (task) return { job, task };
    }
    return undefined;
  };

  const runOn = async (worker: Worker, job: PrintJob, task: PrintTask): Promise<void> => {
    if (worker.page && worker.shell && worker.shell !== job.shell) {
      // Another document: its head put in place of the page's, keeping what both share (the
      // stylesheet with its fonts, most of what a page load costs; a handout's head differs
      // from another's by its title and running heads only).
      const html = job.shell.head + job.shell.tail;
      worker.shell = undefined;
      if (await worker.page.evaluate(swapShell, html).catch(() => false)) worker.shell = job.shell;
    }
    if (worker.shell !== job.shell || !worker.page) await load(worker, job.shell);
    await task.run(worker.page!);
  };

  /** Gives the worker a fresh page holding the shell. */
  const load = async (worker: Worker, shell: DocumentShell): Promise<void> => {
    const old = worker.page;
    worker.page = undefined;
    worker.shell = undefined;
    await old?.close().catch(() => undefined);
    const page = await session.load(shell.head + shell.tail);
    // Run from TypeScript sources by tsx (scripts), the page functions call esbuild's `__name`
    // helper; give the page one that does nothing.
    await page.evaluate(() => {
      (globalThis as { __name?: unknown }).__name ??= (target: unknown) => target;
    });
    worker.page = page;
    worker.shell = shell;
  };

  /**
   * A worker without a page, while the others wait on a first task (the split of a document),
   * loads the document meanwhile: a page load is most of what the first print of a worker costs.
   * Once only: a page that fails to load is loaded again, and its error reported, by a task.
   */
  const preload = (worker: Worker, shell: DocumentShell): void => {
    if (worker.page || worker.preloaded) return;
    worker.busy = worker.preloaded = true;
    void load(worker, shell)
      .catch(() => undefined)
      .finally(() => {
        worker.busy = false;
        wake();
      });
  };

  const wake = (): void => {
    if (closed) return;
    for (const worker of workers) {
      if (worker.busy) continue;
      const next = take(worker);
      if (!next) {
        const shell = jobs[0]?.shell;
        if (shell) for (const idle of workers) if (!idle.busy) preload(idle, shell);
        return;
      }
      worker.busy = true;
      void runOn(worker, next.job, next.task)
        .catch((error: unknown) => {
          // The page may be in any state after a failure: the next task gets a fresh one.
          void worker.page?.close().catch(() => undefined);
          worker.page = undefined;
          worker.shell = undefined;
          next.task.fail(error);
        })
        .finally(() => {
          worker.busy = false;
          wake();
        });
    }
  };

  return {
    size: workers.length,
    add(job, finished) {
      jobs.push(job);
      const remove = (): void => {
        const i = jobs.indexOf(job);
        if (i >= 0) jobs.splice(i, 1);
      };
      finished.then(remove, remove);
      wake();
    },
    wake,
    async close() {
      closed = true;
      await Promise.all(workers.map((w) => w.page?.close().catch(() => undefined)));
    },
  };
}

/**
 * Makes the page's document the given one, emptied of its body, without loading a page: the
 * elements of its head that the new one has too, in the same order, are kept as they are (a
 * stylesheet kept is neither parsed nor its fonts loaded again); the others are taken out or put
 * in; the `<html>` and `<body>` attributes become the new ones. Runs in the page.
 * @returns true when the page now holds the document
 */
function swapShell(html: string): boolean {
  const next = new DOMParser().parseFromString(html, 'text/html');
  const old = Array.from(document.head.children);
  // Each element of the new head, and the old one it is the same as (in order), if any.
  const wanted: [Element, Element | undefined][] = [];
  let from = 0;
  for (const el of Array.from(next.head.children)) {
    let found = -1;
    for (let i = from; i < old.length; i++) {
      if (old[i]!.outerHTML === el.outerHTML) {
        found = i;
        break;
      }
    }
    if (found >= 0) from = found + 1;
    wanted.push([el, found >= 0 ? old[found] : undefined]);
  }
  const kept = new Set(wanted.map(([, same]) => same).filter((el) => el !== undefined));
  for (const el of old) if (!kept.has(el)) el.remove();
  // The kept elements never move: the new ones go in after the one before them.
  let previous: Element | undefined;
  for (const [el, same] of wanted) {
    if (same) previous = same;
    else {
      const fresh = document.importNode(el, true);
      document.head.insertBefore(fresh, previous ? previous.nextSibling : document.head.firstChild);
      previous = fresh;
    }
  }
  for (const [target, source] of [
    [document.documentElement, next.documentElement],
    [document.body, next.body],
  ] as const) {
    for (const name of target.getAttributeNames()) if (!source.hasAttribute(name)) target.removeAttribute(name);
    for (const name of source.getAttributeNames()) target.setAttribute(name, source.getAttribute(name)!);
  }
  document.body.replaceChildren();
  return true;
}

/**
 * Runs prints on a pool: the one given, or one opened on a browser for these prints only.
 * @param target a pool, or a browser
 */
export async function withPool<T>(target: BrowserSession | PrintPool, run: (pool: PrintPool) => Promise<T>): Promise<T> {
  if ('wake' in target) return run(target);
  const pool = createPrintPool(target);
  try {
    return await run(pool);
  } finally {
    await pool.close();
  }
}
