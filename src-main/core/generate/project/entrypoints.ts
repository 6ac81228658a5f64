/**
 * The small fixed modules Django starts from: `manage.py` and the project package's
 * `__init__.py`, `wsgi.py` and `asgi.py`. They differ between projects only in the settings
 * module they point at.
 */
import { pyStr } from '../python';
import { pyName } from '../app/py-format';

/** `manage.py`, Django's command-line entry point (executable, with a shebang). */
export function manageCode(pkg: string): string {
  return `#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""
import os
import sys


def main():
    os.environ.setdefault('DJANGO_SETTINGS_MODULE', ${pyName(`${pkg}.settings`)})
    try:
        from django.core.management import execute_from_command_line
    except ImportError as exc:
        raise ImportError(
            "Couldn't import Django. Is it installed and available on your PYTHONPATH? "
            'Did you forget to activate a virtual environment?'
        ) from exc
    execute_from_command_line(sys.argv)


if __name__ == '__main__':
    main()
`;
}

/** `<project>/wsgi.py`, what gunicorn and other WSGI servers load. */
export function wsgiCode(pkg: string): string {
  return `"""WSGI entry point of the project: \`gunicorn ${pkg}.wsgi:application\`."""
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault('DJANGO_SETTINGS_MODULE', ${pyName(`${pkg}.settings`)})

application = get_wsgi_application()
`;
}

/** `<project>/asgi.py`, what uvicorn, daphne and other ASGI servers load. */
export function asgiCode(pkg: string): string {
  return `"""ASGI entry point of the project: \`uvicorn ${pkg}.asgi:application\`."""
import os

from django.core.asgi import get_asgi_application

os.environ.setdefault('DJANGO_SETTINGS_MODULE', ${pyName(`${pkg}.settings`)})

application = get_asgi_application()
`;
}

/** `<project>/__init__.py`: marks the package; nothing runs on import. */
export function packageInitCode(title: string): string {
  return `"""The Django project package of ${pyStr(title).slice(1, -1)}."""\n`;
}
