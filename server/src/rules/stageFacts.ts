//! Facts about a stage that many rules share: the base image's OS family (inherited through
//! `FROM <stage>`), computed once per stage object.

import type { SemanticModel, Stage } from '../semantics/model';
import { describeImageRef, type OsFamily } from '../docs/images';

const families = new WeakMap<Stage, { image: string | null; parent: Stage | null; family: OsFamily }>();

/** OS family of the stage's base image; `unknown` when the image cannot be resolved. */
export function stageFamily(stage: Stage | null, depth = 0): OsFamily {
  if (!stage) return 'unknown';
  const c = families.get(stage);
  if (c && c.image === stage.image && c.parent === stage.parent) return c.family;
  let family: OsFamily = 'unknown';
  if (stage.parent && depth < 64) family = stageFamily(stage.parent, depth + 1);
  else if (stage.image) {
    try {
      family = stage.image.toLowerCase() === 'scratch' ? 'scratch' : describeImageRef(stage.image).family;
    } catch {
      family = 'unknown';
    }
  }
  families.set(stage, { image: stage.image, parent: stage.parent, family });
  return family;
}

export type { OsFamily };

/** Marks the whole-file model behind a per-stage view (set by the engine). */
export const WHOLE_MODEL = Symbol('whole model');
/**
 * The whole file's model behind a per-stage view (the model itself otherwise), for per-stage
 * rules that need one file-wide fact which the engine puts in their cache key: whether the
 * stage is shipped (the last one, or built FROM by another stage).
 */
export function wholeModel(model: SemanticModel): SemanticModel {
  return (model as unknown as Record<symbol, SemanticModel | undefined>)[WHOLE_MODEL] ?? model;
}
