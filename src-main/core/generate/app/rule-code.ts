/**
 * Business rules that need more than a field validator, turned into serializer code: "only
 * active X" rules. A rule on the entity's own boolean (`Job.is_active`: "User can only post active
 * jobs") refuses creating a row that is not active; a rule naming a related entity with an
 * `is_active` flag ("Orders may only reference active products") refuses linking to an inactive
 * one. `ruleNotes` reports what became of every rule, and warns for each one left to a person or
 * the LLM engine, so no rule is dropped in silence.
 */
import type { Diagnostic } from '../../../../src-shared/diagnostics';
import type { BusinessRule, Entity, Erd } from '../../../../src-shared/erd/model';
import { pyStr } from '../python';
import { snakeCase } from '../names';
import { modelFields } from './entities';
import { pyIdentifier } from './py-format';
import { relationsFrom } from './relations';
import { entityRules, isValidatorRule } from './rules';

const ONLY_ACTIVE = /\bonly\b.*\bactive\b/i;

/** One serializer method enforcing a rule. */
export interface RuleMethod {
  rule: BusinessRule;
  /** The `validate_<field>` method as Python, indented for a class body at level 0. */
  code: string;
}

function activeFlag(entity: Entity): string | undefined {
  return modelFields(entity).find((f) => f.type === 'boolean' && (f.name === 'is_active' || f.name === 'active'))?.name;
}

function ownFlagMethod(rule: BusinessRule, field: string): string {
  return `def validate_${pyIdentifier(field)}(self, value):
    """Business rule: ${rule.text.replace(/"""|\\/g, '')}"""
    if self.instance is None and value is not True:
        raise serializers.ValidationError(${pyStr(rule.text)})
    return value`;
}

function relatedFlagMethod(rule: BusinessRule, relation: string, flag: string): string {
  return `def validate_${pyIdentifier(relation)}(self, value):
    """Business rule: ${rule.text.replace(/"""|\\/g, '')}"""
    if value is not None and not value.${pyIdentifier(flag)}:
        raise serializers.ValidationError(${pyStr(rule.text)})
    return value`;
}

function mentions(text: string, entity: Entity): boolean {
  const words = snakeCase(entity.name).replace(/_/g, ' ');
  return new RegExp(`\\b${words}(s|es)?\\b`, 'i').test(text);
}

/** The serializer methods that enforce the entity's "only active" rules (one per validated field). */
export function ruleMethods(erd: Erd, entity: Entity): RuleMethod[] {
  const out: RuleMethod[] = [];
  const used = new Set<string>();
  for (const rule of entityRules(erd, entity)) {
    if (!ONLY_ACTIVE.test(rule.text) || (rule.kind !== undefined && rule.kind !== 'custom')) continue;
    const own = activeFlag(entity);
    if (own !== undefined && (rule.field === undefined || rule.field === own) && !used.has(own)) {
      const target = relationsFrom(erd, entity).find(
        (r) => r.kind !== 'manyToMany' && mentions(rule.text, erd.entities.find((e) => e.name === r.to) ?? entity),
      );
      if (target === undefined || rule.field === own) {
        used.add(own);
        out.push({ rule, code: ownFlagMethod(rule, own) });
        continue;
      }
    }
    for (const r of relationsFrom(erd, entity)) {
      const to = erd.entities.find((e) => e.name === r.to);
      const flag = to === undefined ? undefined : activeFlag(to);
      if (r.kind === 'manyToMany' || to === undefined || flag === undefined || used.has(r.name)) continue;
      if (!mentions(rule.text, to)) continue;
      used.add(r.name);
      out.push({ rule, code: relatedFlagMethod(rule, r.name, flag) });
      break;
    }
  }
  return out;
}

/**
 * What became of each business rule, as diagnostics: an info for a rule enforced by generated
 * code, a warning (code `generate.rule-not-enforced`) naming each rule that is only a TODO for
 * the LLM engine or a person. The TODO line itself lowers the score of its file (validate/semantic-rules.ts).
 */
export function ruleNotes(erd: Erd): Diagnostic[] {
  const out: Diagnostic[] = [];
  (erd.rules ?? []).forEach((rule, i) => {
    const path = `rules[${i}]`;
    const entity = erd.entities.find((e) => e.name === rule.entity);
    const enforced = entity !== undefined && ruleMethods(erd, entity).some((m) => m.rule === rule);
    const todo = entity === undefined || (!enforced && !isValidatorRule(entity, rule));
    if (enforced) {
      out.push({
        severity: 'info',
        code: 'generate.rule-enforced',
        path,
        message: `"${rule.text}" is enforced by the ${rule.entity ?? ''} serializer.`,
      });
    } else if (todo) {
      out.push({
        severity: 'warning',
        code: 'generate.rule-not-enforced',
        path,
        message: `"${rule.text}" is not enforced by the generated code: it is a TODO in ${entity === undefined ? 'models.py' : `the ${entity.name} model`} for the LLM engine or a person.`,
      });
    }
  });
  return out;
}
