import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importErdText } from '../../erd';
import { generateProject } from '../index';
import { examplePath } from '../../../../test-support/examples';

function project(): Map<string, string> {
  const { erd } = importErdText(readFileSync(examplePath('seed-v2-jobboard.json'), 'utf8'), 'seed-v2-jobboard.json');
  if (!erd) throw new Error('the example did not import');
  return new Map(generateProject(erd).map((f) => [f.path, f.content]));
}

describe('the ERD user as the login user (seed-v2-jobboard)', () => {
  const files = project();
  const file = (path: string): string => files.get(path) ?? '';

  it('is an AbstractUser in its own users app, inheriting the fields Django has, with AUTH_USER_MODEL', () => {
    expect(file('users/models.py')).toContain(`class User(AbstractUser):
    email = models.EmailField(max_length=254, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    REQUIRED_FIELDS = ['email']
`);
    expect(file('users/models.py')).not.toMatch(/username = |first_name = /);
    expect(file('jobboard/settings.py')).toContain("AUTH_USER_MODEL = 'users.User'\n");
    expect(file('core/models.py')).toContain(
      "posted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name='jobs')",
    );
    expect(file('core/models.py')).toContain('from django.conf import settings\n');
  });

  it('takes a write-only hashed password, serves /me/, and is registered once with UserAdmin', () => {
    expect(file('users/serializers.py')).toContain('password = serializers.CharField(\n        write_only=True');
    expect(file('users/serializers.py')).toContain('user.set_password(password)');
    expect(file('users/views.py')).toContain(
      "@action(detail=False, methods=['get', 'put', 'patch'], permission_classes=[IsAuthenticated])\n    def me(",
    );
    expect(file('users/admin.py')).toContain('class UserAdmin(BaseUserAdmin):');
    expect(file('users/admin.py')).toContain('from django.contrib.auth.admin import UserAdmin as BaseUserAdmin\n');
    expect([...files.values()].join('\n').match(/@admin\.register\(User\)/g)).toHaveLength(1);
  });

  it('sets the owner from the request, keeps it read-only, and lets only the owner or staff change a row', () => {
    expect(file('core/views.py')).toContain(
      '    def perform_create(self, serializer):\n        serializer.save(posted_by=self.request.user)',
    );
    expect(file('core/serializers.py')).toContain("read_only_fields = ['created_at', 'updated_at', 'posted_by']");
    expect(file('core/permissions.py')).toContain("    owner_field = 'posted_by'\n");
    expect(file('users/permissions.py')).toContain('    is_user_model = True\n');
    expect(file('core/tests.py')).toContain("    owner_field = 'posted_by'\n");
  });
});
