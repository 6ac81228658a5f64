import { useState } from 'react';
import type { ApiOptions, Auth, Erd } from '@shared/erd/model';
import { AUTH_SCHEMES, CRUD_ACTIONS } from '@shared/erd/model-constants';
import { perform } from './canvas-actions';
import { patched } from './EntityInspector';
import { Check, Choice, CommitInput, Section, splitList } from './inspector-controls';

/** One undoable step for any project-level change. */
function change(erd: Erd, to: Erd): void {
  perform({ kind: 'replace', label: 'Project settings', from: erd, to });
}

function PermissionTable({ erd }: { erd: Erd }) {
  const [entity, setEntity] = useState(erd.entities[0]?.name ?? '');
  const auth = erd.auth ?? {};
  const roles = auth.roles ?? [];
  const granted = auth.permissions?.[entity] ?? {};
  if (roles.length === 0 || erd.entities.length === 0) {
    return <p className="muted">Add roles (and entities) to set per-entity permissions.</p>;
  }
  const toggle = (action: (typeof CRUD_ACTIONS)[number], role: string, on: boolean) => {
    const now = granted[action] ?? [];
    const next = on ? [...now, role] : now.filter((r) => r !== role);
    const permissions = { ...auth.permissions, [entity]: patched(granted, { [action]: next }) };
    change(erd, { ...erd, auth: { ...auth, permissions } });
  };
  return (
    <>
      <Choice label="Permissions of" value={entity} options={erd.entities.map((e) => e.name)} onChange={setEntity} />
      <table className="permission-table" aria-label={`Permissions of ${entity}`}>
        <thead>
          <tr>
            <th>Action</th>
            {roles.map((r) => (
              <th key={r}>{r}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {CRUD_ACTIONS.map((action) => (
            <tr key={action}>
              <th>{action}</th>
              {roles.map((role) => (
                <td key={role}>
                  <input
                    type="checkbox"
                    aria-label={`${role} may ${action} ${entity}`}
                    checked={(granted[action] ?? []).includes(role)}
                    onChange={(e) => toggle(action, role, e.target.checked)}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** With nothing selected: the project, API options, auth with its permission table, rules and instructions. */
export function ProjectInspector({ erd }: { erd: Erd }) {
  const project = (patch: Partial<Erd['project']>) => change(erd, { ...erd, project: patched(erd.project, patch) });
  const api = (patch: Partial<ApiOptions>) => change(erd, { ...erd, api: patched(erd.api ?? {}, patch) });
  const auth = (patch: Partial<Auth>) => change(erd, { ...erd, auth: patched(erd.auth ?? {}, patch) });
  const schemes = erd.auth?.schemes ?? ['session', 'token'];
  const options = erd.api ?? {};
  const rules = erd.rules ?? [];
  return (
    <div className="inspector" aria-label="Inspector of the project">
      <Section title="Project">
        <CommitInput label="Project package" value={erd.project.name} onCommit={(name) => project({ name })} />
        <CommitInput label="Title" value={erd.project.title ?? ''} onCommit={(title) => project({ title })} />
        <CommitInput
          label="Apps"
          value={(erd.project.apps ?? []).join(', ')}
          placeholder="core"
          onCommit={(t) => project({ apps: splitList(t) })}
        />
      </Section>
      <Section title="API">
        <div className="prop-row">
          <Check
            label="Pagination"
            checked={options.pagination !== false}
            onChange={(v) => api({ pagination: v ? undefined : false })}
          />
          <Check
            label="Filtering"
            checked={options.filtering !== false}
            onChange={(v) => api({ filtering: v ? undefined : false })}
          />
          <Check
            label="Search"
            checked={options.search !== false}
            onChange={(v) => api({ search: v ? undefined : false })}
          />
          <Check
            label="Ordering filter"
            checked={options.ordering !== false}
            onChange={(v) => api({ ordering: v ? undefined : false })}
          />
          <Check
            label="OpenAPI"
            checked={options.openapi !== false}
            onChange={(v) => api({ openapi: v ? undefined : false })}
          />
        </div>
        <Choice
          label="Versioning"
          value={options.versioning ?? 'none'}
          options={['none', 'url'] as const}
          onChange={(versioning) => api({ versioning })}
        />
        <CommitInput
          label="Base path"
          value={options.basePath ?? ''}
          placeholder="api"
          onCommit={(basePath) => api({ basePath })}
        />
      </Section>
      <Section title="Auth">
        <div className="prop-row">
          {AUTH_SCHEMES.map((s) => (
            <Check
              key={s}
              label={s}
              checked={schemes.includes(s)}
              onChange={(on) => auth({ schemes: on ? [...schemes, s] : schemes.filter((x) => x !== s) })}
            />
          ))}
        </div>
        <CommitInput
          label="Roles"
          value={(erd.auth?.roles ?? []).join(', ')}
          placeholder="admin, editor"
          onCommit={(t) => auth({ roles: splitList(t) })}
        />
        <Choice
          label="Default access"
          value={erd.auth?.defaultAccess ?? 'authenticated'}
          options={['authenticated', 'authenticatedOrReadOnly', 'public'] as const}
          onChange={(defaultAccess) => auth({ defaultAccess })}
        />
        <PermissionTable erd={erd} />
      </Section>
      <Section title="Business rules">
        {rules.map((rule, i) => (
          <div key={i} className="prop-row">
            <CommitInput
              label={`Rule ${i + 1}`}
              value={rule.text}
              onCommit={(text) =>
                change(erd, {
                  ...erd,
                  rules: text ? rules.map((r, j) => (j === i ? { text } : r)) : rules.filter((_, j) => j !== i),
                })
              }
            />
          </div>
        ))}
        <CommitInput
          label="New rule"
          value=""
          placeholder="Salary must be positive"
          onCommit={(text) => text.trim() && change(erd, { ...erd, rules: [...rules, { text: text.trim() }] })}
        />
      </Section>
      <Section title="Instructions">
        <CommitInput
          label="Instructions for the LLM engine"
          value={erd.instructions ?? ''}
          multiline
          onCommit={(instructions) => change(erd, patched(erd, { instructions }))}
        />
      </Section>
    </div>
  );
}
