/**
 * Every method of the Studio contract, declared once: name → input schema and output schema.
 * The preload, the IPC registration, the web host and the renderer's client are all derived
 * from this table, so adding a method here is the only place a channel is named.
 */
import { z } from 'zod';
import { DiagnosticSchema } from '../diagnostics';
import { ErdSchema } from '../erd/model';
import {
  AppInfoSchema,
  CapabilityIdSchema,
  EngineSchema,
  ErdDocumentSchema,
  RecentDocumentSchema,
  RunRecordSchema,
  RunSnapshotSchema,
} from './model';
import {
  BatchResultSchema,
  ConflictDetailSchema,
  FileBasesSchema,
  FileReviewSchema,
  FileVersionSchema,
  ReviewDecisionSchema,
  WritePlanSchema,
} from './review';
import { ProviderSchema, SettingsPatchSchema, SettingsSchema } from './settings';
import { HistoryDashboardSchema, HistoryExportSchema, HistoryFilterSchema } from './history';
import { RuntimeAvailabilitySchema, RuntimeCheckSchema } from './review-checks';

const none = z.object({}).strict();
const filePath = z.string().trim().min(1, 'The file path is empty.');
const runId = z.string().min(1, 'The run id is empty.');
const paths = z.array(z.string().min(1)).min(1, 'No files given.');

/**
 * Where a run's project goes: a granted `folder`, a typed `outDir` (hosts without dialogs) or,
 * with neither, the host's dialog; never both.
 */
const outputTarget = {
  runId,
  folder: CapabilityIdSchema.optional(),
  outDir: filePath.optional(),
  force: z.boolean().optional(),
  /**
   * Conflicts the person resolved in the three-way view, path → the result they settled on:
   * written instead of keeping their file (planned as `merged`). Refused while a result still
   * carries conflict markers.
   */
  resolutions: z.record(z.string().min(1), z.string()).optional(),
};
const oneTarget = (i: { folder?: string | undefined; outDir?: string | undefined }) => !(i.folder && i.outDir);
const ONE_TARGET = 'Give either a folder id or a path, not both.';

/**
 * The text formats a document can be exported to: `djforge-erd` (and its alias `json`), DBML, SQL
 * DDL (`sql` is PostgreSQL's), and Mermaid `erDiagram`; all through the core's exporters.
 */
export const EXPORT_FORMATS = ['djforge-erd', 'json', 'dbml', 'sql', 'postgres', 'mysql', 'sqlite', 'mermaid'] as const;

/** The tabs of the live preview: the code the offline engine writes for one entity. */
export const PREVIEW_PARTS = ['model', 'serializer', 'viewset', 'filterset', 'admin', 'tests'] as const;

const RecoveryCopySchema = z.object({
  erd: ErdSchema,
  /** The document's name when it was saved, and whether it had a file. */
  name: z.string(),
  /** Epoch milliseconds. */
  savedAt: z.number(),
});

export const STUDIO_METHODS = {
  appInfo: { input: none, output: AppInfoSchema },
  /** A blank document to start drawing. */
  newErd: { input: none, output: ErdDocumentSchema },
  /**
   * Read an ERD file: `file`, one the host granted (a recent file, the open document); `path`, a
   * typed path, only on a host without dialogs (the web host, confined to its roots); neither, the
   * host asks with a native dialog (null when cancelled).
   */
  openErd: {
    input: z
      .object({ file: CapabilityIdSchema.optional(), path: filePath.optional() })
      .strict()
      .refine((i) => !(i.file && i.path), 'Give either a file id or a path, not both.'),
    output: ErdDocumentSchema.nullable(),
  },
  /** Text the user dropped or picked in the page; never touches the disk. */
  importErd: {
    input: z.object({ text: z.string(), fileName: z.string().min(1) }).strict(),
    output: ErdDocumentSchema,
  },
  /**
   * Save as native `djforge-erd` JSON to `file` (granted), a typed `path` (hosts without dialogs),
   * or, with neither, where the user chooses in the host's dialog (null when cancelled).
   */
  saveErd: {
    input: z
      .object({ erd: ErdSchema, file: CapabilityIdSchema.optional(), path: filePath.optional() })
      .strict()
      .refine((i) => !(i.file && i.path), 'Give either a file id or a path, not both.'),
    output: z.object({ path: z.string(), name: z.string(), file: CapabilityIdSchema }).nullable(),
  },
  /** The text of the ERD in an export format, for the page to download or copy. */
  exportErd: {
    input: z.object({ erd: ErdSchema, format: z.enum(EXPORT_FORMATS) }).strict(),
    output: z.object({ fileName: z.string(), text: z.string() }),
  },
  /** Every problem at once; accepts anything so a half-edited document can be checked. */
  validateErd: {
    input: z.object({ erd: z.unknown() }).strict(),
    output: z.object({ diagnostics: z.array(DiagnosticSchema) }),
  },
  /**
   * Starts generating; progress arrives as events. Refused while another run is going. The run
   * ends (`runFinished`) once every file is judged with the whole project. `runtime: true` also
   * runs Django on it (check, migrations, generated tests) when a Python with Django is found, as
   * the CLI does without `--no-runtime`; off by default in the app, where it would hold the run
   * open for several seconds more.
   */
  startRun: {
    input: z.object({ erd: ErdSchema, engine: EngineSchema.optional(), runtime: z.boolean().optional() }).strict(),
    output: z.object({ runId: z.string() }),
  },
  cancelRun: { input: z.object({ runId }).strict(), output: z.object({ cancelled: z.boolean() }) },
  getRun: { input: z.object({ runId }).strict(), output: RunSnapshotSchema },
  /**
   * Approve or skip files (or take a decision back with `pending`), during the run or after it;
   * only approved files are written. A file that failed to generate cannot be approved
   * (`review.not-approvable`). Edits, regenerations and writing wait for the run to end.
   */
  decideFiles: {
    input: z.object({ runId, paths, decision: ReviewDecisionSchema }).strict(),
    output: z.object({ decisions: z.record(z.string(), ReviewDecisionSchema) }),
  },
  /** Batch 1: approve every pending auto-approved and high-quality file. */
  approveHighQuality: { input: z.object({ runId }).strict(), output: BatchResultSchema },
  /** Batch 2: approve every pending auto-approved, high- and medium-quality file. */
  approveHighAndMedium: { input: z.object({ runId }).strict(), output: BatchResultSchema },
  /** Batch 4: skip every pending low-quality and error file. */
  skipProblematic: { input: z.object({ runId }).strict(), output: BatchResultSchema },
  /** Batch 5: approve exactly these files; an unknown or failed file refuses the whole selection. */
  approveSelection: { input: z.object({ runId, paths }).strict(), output: BatchResultSchema },
  /** Replace a file's content with the reviewer's edit: re-validated, re-scored, decision reset. */
  editFile: {
    input: z.object({ runId, path: z.string().min(1), content: z.string() }).strict(),
    output: FileReviewSchema,
  },
  /**
   * A new version of the file from the LLM engine with the reviewer's feedback (the previous
   * version is kept); the model's text streams as `regenerationText`. Needs a run of the LLM
   * engine (`regenerate.needs-llm`).
   */
  regenerateFile: {
    input: z
      .object({ runId, path: z.string().min(1), feedback: z.string().trim().min(1, 'The feedback is empty.') })
      .strict(),
    output: FileReviewSchema,
  },
  /** Stops the regeneration in progress of the run; the current version stays. */
  cancelRegeneration: { input: z.object({ runId }).strict(), output: z.object({ cancelled: z.boolean() }) },
  /** What writing the approved files into `outDir` would do to each file, before writing. */
  planWrite: {
    input: z.object(outputTarget).strict().refine(oneTarget, ONE_TARGET),
    output: WritePlanSchema.nullable(),
  },
  /**
   * Writes the approved files of a run atomically into `folder` (granted), a typed `outDir` (hosts
   * without dialogs), or where the user chooses in the host's dialog. `force` on a non-empty folder
   * that holds no earlier generation also needs `confirm`: the folder's name, typed by the user.
   */
  writeProject: {
    input: z
      .object({ ...outputTarget, confirm: z.string().max(255).optional() })
      .strict()
      .refine(oneTarget, ONE_TARGET),
    /**
     * `mode`: `created` (new or empty folder), `replaced` (a foreign folder, with force) or `merged`
     * (an earlier generation updated in place). `conflicts`: files the user had changed where the
     * merge conflicted; the user's version was kept and the merge is in `.djforge/conflicts/`.
     */
    output: z
      .object({
        outDir: z.string(),
        /** The folder's id, to write there again without asking. */
        folder: CapabilityIdSchema,
        written: z.array(z.string()),
        mode: z.enum(['created', 'replaced', 'merged']),
        conflicts: z.array(z.string()),
        /** Names this write in its `writeProgress` events and for `openWrittenFolder`. */
        writeId: z.string(),
        /** Whether the host can open the folder in the system's file manager (`openWrittenFolder`). */
        canOpenFolder: z.boolean(),
      })
      .nullable(),
  },
  getSettings: { input: none, output: SettingsSchema },
  updateSettings: { input: SettingsPatchSchema, output: SettingsSchema },
  /** Stores (or with `key: null` removes) a provider's key; the key never comes back. */
  setApiKey: {
    input: z.object({ provider: ProviderSchema, key: z.string().min(1, 'The key is empty.').nullable() }).strict(),
    output: z.object({ provider: ProviderSchema, set: z.boolean() }),
  },
  hasApiKey: {
    input: z.object({ provider: ProviderSchema }).strict(),
    output: z.object({ provider: ProviderSchema, set: z.boolean() }),
  },
  /** The page tells the host what is open, for the window title and the unsaved-changes prompt. */
  setDocumentState: {
    input: z.object({ name: z.string().min(1), dirty: z.boolean() }).strict(),
    output: z.object({}),
  },
  listHistory: { input: none, output: z.array(RunRecordSchema) },
  listRecentFiles: { input: none, output: z.array(RecentDocumentSchema) },
  clearRecentFiles: { input: none, output: z.array(RecentDocumentSchema) },
  /** The recorded runs matching the filter, the latest rated against the baselines, the advice. */
  historyDashboard: { input: HistoryFilterSchema, output: HistoryDashboardSchema },
  /** The matching runs as a CSV or JSON file's text (the page saves it). */
  exportHistory: {
    input: z.object({ format: z.enum(['csv', 'json']), filter: HistoryFilterSchema.default({}) }).strict(),
    output: HistoryExportSchema,
  },
  /**
   * A quick judgement of `content` as the file's next version, without keeping it: the editor's
   * live score and markers while the reviewer types. The file alone goes through the syntax,
   * best-practice and security layers (milliseconds); its cross-file findings are carried over
   * from the current version. `editFile` keeps an edit as a new version, judged with the whole
   * project. Waits for the run to end, as edits do.
   */
  checkFile: {
    input: z.object({ runId, path: z.string().min(1), content: z.string() }).strict(),
    output: FileVersionSchema,
  },
  /**
   * The texts a file can be compared with besides its own versions: the offline draft, and with a
   * `folder` or `outDir` (never a dialog) the file on disk and its last generation there.
   */
  fileBases: {
    input: z
      .object({ runId, path: z.string().min(1), folder: CapabilityIdSchema.optional(), outDir: filePath.optional() })
      .strict()
      .refine(oneTarget, ONE_TARGET),
    output: FileBasesSchema,
  },
  /** The three texts and the marked merge of a file the write plan calls `conflicting`, for the three-way view. */
  conflictDetail: {
    input: z
      .object({ runId, path: z.string().min(1), folder: CapabilityIdSchema.optional(), outDir: filePath.optional() })
      .strict()
      .refine((i) => (i.folder ? !i.outDir : !!i.outDir), 'Give the folder id or the path of the output folder.'),
    output: ConflictDetailSchema,
  },
  /**
   * Keeps a recovery copy of the open, unsaved document in the data folder (written to a temporary
   * file, then renamed), so a crash or a killed window loses at most a few seconds of work.
   */
  saveRecoveryCopy: {
    input: z.object({ erd: ErdSchema, name: z.string().min(1) }).strict(),
    output: z.object({ savedAt: z.number() }),
  },
  /** The recovery copy left by an earlier session, or null: the page offers to restore it. */
  loadRecoveryCopy: { input: none, output: RecoveryCopySchema.nullable() },
  /** Forgets the recovery copy (the document was saved, restored or discarded). */
  discardRecoveryCopy: { input: none, output: z.object({ discarded: z.boolean() }) },
  /**
   * The code the offline engine writes for one entity (model, serializer, viewset, filter set,
   * admin, tests), for the editor's live preview; parts the entity does not get are absent.
   * Incremental: only the parts whose slice of the ERD changed since the last call are re-planned.
   */
  previewEntity: {
    input: z.object({ erd: ErdSchema, entity: z.string().min(1) }).strict(),
    output: z.object({
      entity: z.string(),
      parts: z.array(z.object({ part: z.enum(PREVIEW_PARTS), file: z.string(), code: z.string() })),
      /** How many parts were re-planned (the rest came from the previous answer), and how long it took. */
      replanned: z.number(),
      ms: z.number(),
    }),
  },
  /**
   * Opens in the system's file manager the folder that a `writeProject` of this host just wrote,
   * named by the write's id — never a path from the page. Hosts without a desktop shell (the web
   * host) refuse with `host.no-shell`.
   */
  openWrittenFolder: {
    input: z.object({ writeId: z.string().min(1, 'The write id is empty.') }).strict(),
    output: z.object({ opened: z.boolean() }),
  },
  /** Whether `checkRuntime` can run: the Python with Django it would use and the sandbox, or why not. */
  runtimeAvailability: { input: z.object({ runId }).strict(), output: RuntimeAvailabilitySchema },
  /**
   * The runtime layer (Django's check, migrations, the generated tests) on the project as it stands
   * after the run — every file's current version, kept edits included — in the sandbox policy of
   * the CLI; then every file judged again with its findings (`fileVersion` events). Progress
   * arrives as `runtimeCheckProgress`. Refused while one is going (`run.busy`).
   */
  checkRuntime: { input: z.object({ runId }).strict(), output: RuntimeCheckSchema },
} as const;

export type StudioMethods = typeof STUDIO_METHODS;
export type MethodName = keyof StudioMethods;
/** What a caller passes (defaults not yet applied). */
export type MethodInput<M extends MethodName> = z.input<StudioMethods[M]['input']>;
/** What a handler receives after parsing. */
export type ParsedInput<M extends MethodName> = z.output<StudioMethods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<StudioMethods[M]['output']>;

export const METHOD_NAMES = Object.keys(STUDIO_METHODS) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(STUDIO_METHODS, name);
}
