/**
 * The texts the review's diff editor shows, as Monaco models kept per file version and side, so
 * going back to a file swaps a model into the one editor instead of building a new editor and
 * tokenizing the text again. The cache holds the latest models only; every model is disposed
 * when the editor leaves the screen.
 */
import { monaco } from './monaco-environment';

type TextModel = ReturnType<typeof monaco.editor.createModel>;

/** How many models are kept; the least recently shown beyond it are disposed. */
const KEPT_MODELS = 24;

export class DiffModels {
  private readonly models = new Map<string, TextModel>();

  /**
   * The model of `key` with `text` as its content: made the first time, reused after (its text
   * replaced only when it differs, which keeps the person's undo history when it does not).
   */
  take(key: string, text: string, language: string, keep: ReadonlySet<TextModel>): TextModel {
    let model = this.models.get(key);
    if (model && model.getLanguageId() !== language) {
      model.dispose();
      model = undefined;
    }
    if (!model) model = monaco.editor.createModel(text, language);
    else if (model.getValue() !== text) model.setValue(text);
    // Most recently used last.
    this.models.delete(key);
    this.models.set(key, model);
    this.trim(new Set([...keep, model]));
    return model;
  }

  private trim(inUse: ReadonlySet<TextModel>): void {
    for (const [key, model] of this.models) {
      if (this.models.size <= KEPT_MODELS) return;
      if (inUse.has(model)) continue;
      model.dispose();
      this.models.delete(key);
    }
  }

  dispose(): void {
    for (const model of this.models.values()) model.dispose();
    this.models.clear();
  }
}
