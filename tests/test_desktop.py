#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks of Corroborate's desktop integration that the validators do not do.

Run as `test_desktop.py GROUP`; tests/meson.build registers one test per
group.  Paths and names come from the environment that meson sets:

  CRB_SOURCE_ROOT, CRB_BUILD_ROOT  the source and build trees
  CRB_APP_ID                       the app id of this build
  CRB_VERSION                      meson.project_version()
  CRB_CLI                          the built corroborate-cli
  CRB_MESON                        the meson executable (install group)
  CRB_PREFIX, CRB_BINDIR, CRB_DATADIR, CRB_LOCALEDIR   install options

Exit status 0 = pass, 1 = fail, 77 = skip (a tool is missing).
"""

import datetime
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

BASE_APP_ID = 'io.github.corroborate.Corroborate'
MIME_TYPE = 'application/x-corroborate-project'
MIME_GLOB = '*.crb'
MIME_MAGIC = '{"format":"corroborate-project"'
MIME_NS = '{http://www.freedesktop.org/standards/shared-mime-info}'
GETTEXT_PACKAGE = 'corroborate'

SRC = os.environ.get('CRB_SOURCE_ROOT',
                     os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BUILD = os.environ.get('CRB_BUILD_ROOT', '')
APP_ID = os.environ.get('CRB_APP_ID', BASE_APP_ID)

SKIP = 77
failures = []


def check(condition, message):
    if condition:
        print(f'ok - {message}')
    else:
        print(f'FAIL - {message}')
        failures.append(message)
    return condition


def src(*parts):
    return os.path.join(SRC, *parts)


def built(*parts):
    return os.path.join(BUILD, *parts)


def need_tool(name, package):
    path = shutil.which(name)
    if path is None:
        print(f'SKIP: {name} is not installed (Debian package {package})')
        sys.exit(SKIP)
    return path


def parse_xml(path):
    try:
        return ET.parse(path)
    except ET.ParseError as e:
        check(False, f'{os.path.relpath(path, SRC)} is well-formed XML: {e}')
        return None


def read_desktop(path):
    """The [Desktop Entry] group as a dict (untranslated keys only)."""
    entry = {}
    group = None
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            if not line or line.startswith('#'):
                continue
            if line.startswith('['):
                group = line.strip('[]')
                continue
            if group == 'Desktop Entry' and '=' in line:
                key, value = line.split('=', 1)
                entry[key.strip()] = value.strip()
    return entry


def split_list(value):
    return [v for v in value.split(';') if v]


def mime_types_of(tree):
    """{type: (globs, magic match values)} of a shared-mime-info tree."""
    types = {}
    for mt in tree.getroot().iter(MIME_NS + 'mime-type'):
        globs = [g.get('pattern') for g in mt.iter(MIME_NS + 'glob')]
        magic = [m.get('value') for m in mt.iter(MIME_NS + 'match')
                 if m.get('type') == 'string' and m.get('offset') == '0']
        types[mt.get('type')] = (globs, magic)
    return types


# ---------------------------------------------------------------------------
# data: metainfo, desktop file, icons, MIME XML, schema


def check_metainfo(path):
    tree = parse_xml(path)
    if tree is None:
        return
    root = tree.getroot()
    name = os.path.basename(path)

    check(root.tag == 'component' and root.get('type') == 'desktop-application',
          f'{name}: a desktop-application component')
    check(root.findtext('id') == APP_ID, f'{name}: <id> is the app id {APP_ID}')
    check(root.findtext('metadata_license') == 'CC0-1.0', f'{name}: metadata licence CC0-1.0')
    check(root.findtext('project_license') == 'GPL-3.0-or-later',
          f'{name}: project licence GPL-3.0-or-later')

    dev = root.find('developer')
    check(dev is not None and dev.get('id') == 'io.github.corroborate',
          f'{name}: <developer id="io.github.corroborate">')
    check(dev is not None and (dev.findtext('name') or '').strip() != '',
          f'{name}: <developer> has a <name>')

    launchable = root.find('launchable')
    check(launchable is not None and launchable.get('type') == 'desktop-id' and
          launchable.text == APP_ID + '.desktop',
          f'{name}: launchable is {APP_ID}.desktop')

    urls = {u.get('type'): u.text for u in root.findall('url')}
    check(urls.get('homepage') == 'https://github.com/corroborate/corroborate',
          f'{name}: homepage URL')
    check((urls.get('bugtracker') or '').startswith('https://github.com/corroborate/corroborate'),
          f'{name}: bugtracker URL')

    rating = root.find('content_rating')
    check(rating is not None and rating.get('type', '').startswith('oars-'),
          f'{name}: OARS content rating')

    colors = {c.get('scheme_preference'): c.text
              for c in root.findall('branding/color') if c.get('type') == 'primary'}
    check(set(colors) == {'light', 'dark'} and
          all(re.fullmatch(r'#[0-9a-fA-F]{6}', c or '') for c in colors.values()),
          f'{name}: primary branding colours for light and dark')

    screenshots = root.findall('screenshots/screenshot')
    check(len(screenshots) >= 1, f'{name}: has screenshots')
    check(sum(1 for s in screenshots if s.get('type') == 'default') == 1,
          f'{name}: exactly one default screenshot')
    for i, shot in enumerate(screenshots, 1):
        captions = [c for c in shot.findall('caption') if c.get(XML_LANG) is None]
        check(len(captions) == 1 and captions[0].text and captions[0].text.strip(),
              f'{name}: screenshot {i} has a caption')
        image = shot.findtext('image') or ''
        check(image.startswith('https://') and image.endswith('.png'),
              f'{name}: screenshot {i} image is an https PNG URL')
        # The URLs point at the repository's data/screenshots: the files exist.
        if '/main/data/screenshots/' in image:
            local = os.path.join(SRC, 'data', 'screenshots', image.rsplit('/', 1)[1])
            check(os.path.isfile(local), f'{name}: screenshot {i} file {local} is in the repository')

    releases = root.findall('releases/release')
    check(len(releases) >= 1, f'{name}: has releases')
    # A release dated today anywhere on Earth is not in the future.
    latest_today = datetime.datetime.now(
        datetime.timezone(datetime.timedelta(hours=14))).date()
    dates = []
    for rel in releases:
        version, date = rel.get('version'), rel.get('date')
        try:
            day = datetime.date.fromisoformat(date or '')
        except ValueError:
            check(False, f'{name}: release {version} has an ISO date (got {date!r})')
            continue
        dates.append(day)
        check(day <= latest_today, f'{name}: release {version} ({date}) is not in the future')
        check(rel.find('description') is not None, f'{name}: release {version} has notes')
    check(dates == sorted(dates, reverse=True), f'{name}: releases newest first')
    version = os.environ.get('CRB_VERSION')
    if version and releases:
        check(releases[0].get('version') == version,
              f'{name}: newest release is the project version {version}')

    mediatypes = [m.text for m in root.findall('provides/mediatype')]
    check(MIME_TYPE in mediatypes, f'{name}: provides the mediatype {MIME_TYPE}')
    check(root.findtext('translation') == GETTEXT_PACKAGE
          and root.find('translation').get('type') == 'gettext',
          f'{name}: names the gettext domain {GETTEXT_PACKAGE}')


XML_LANG = '{http://www.w3.org/XML/1998/namespace}lang'


def check_desktop(path, mime_types):
    name = os.path.basename(path)
    entry = read_desktop(path)
    check(os.path.basename(path) == APP_ID + '.desktop', f'{name}: named after the app id')
    check(entry.get('Icon') == APP_ID, f'{name}: Icon is the app id')
    check(entry.get('Exec', '').split()[0:1] == ['corroborate'], f'{name}: Exec runs corroborate')
    check(any(code in entry.get('Exec', '') for code in ('%f', '%F', '%u', '%U')),
          f'{name}: Exec takes files (needed for MimeType)')
    check(len(split_list(entry.get('Keywords', ''))) >= 3, f'{name}: has Keywords')
    declared = split_list(entry.get('MimeType', ''))
    check(sorted(declared) == sorted(mime_types),
          f'{name}: MimeType {declared} equals the types of the MIME XML {sorted(mime_types)}')


def check_desktop_translated(path):
    """The merged desktop file carries the German strings."""
    with open(path, encoding='utf-8') as f:
        text = f.read()
    for key in ('Comment', 'Keywords'):
        check(re.search(rf'^{key}\[de\]=.+', text, re.M) is not None,
              f'{os.path.basename(path)}: {key}[de] merged from po/de.po')


def check_mime_xml(path):
    name = os.path.relpath(path, SRC) if path.startswith(SRC) else os.path.basename(path)
    tree = parse_xml(path)
    if tree is None:
        return []
    check(tree.getroot().tag == MIME_NS + 'mime-info', f'{name}: a shared-mime-info document')
    types = mime_types_of(tree)
    check(MIME_TYPE in types, f'{name}: defines {MIME_TYPE}')
    globs, magic = types.get(MIME_TYPE, ([], []))
    check(globs == [MIME_GLOB], f'{name}: glob {MIME_GLOB}')
    check(MIME_MAGIC in magic, f'{name}: magic string {MIME_MAGIC} at offset 0')
    mt = next(iter(tree.getroot().iter(MIME_NS + 'mime-type')), None)
    check(mt is not None and mt.find(MIME_NS + 'comment') is not None, f'{name}: has a comment')
    return list(types)


def check_svg(path, size, symbolic):
    name = os.path.relpath(path, SRC)
    tree = parse_xml(path)
    if tree is None:
        return
    root = tree.getroot()
    check(root.tag == '{http://www.w3.org/2000/svg}svg', f'{name}: root is an SVG element')
    check(root.get('viewBox') == f'0 0 {size} {size}', f'{name}: viewBox 0 0 {size} {size}')
    if symbolic:
        # Symbolic icons are recoloured by GTK: one colour, no gradients or images.
        colours = set()
        banned = set()
        for el in root.iter():
            for attr in ('fill', 'stroke'):
                v = el.get(attr)
                if v and v not in ('none', 'currentColor'):
                    colours.add(v.lower())
            if el.tag.endswith(('Gradient', 'image', 'filter')):
                banned.add(el.tag.split('}')[-1])
        check(len(colours) <= 1, f'{name}: one colour (found {sorted(colours)})')
        check(not banned, f'{name}: no gradients, images or filters (found {sorted(banned)})')


def check_schema(path):
    name = os.path.basename(path)
    tree = parse_xml(path)
    if tree is None:
        return
    root = tree.getroot()
    schemas = root.findall('schema')
    check(len(schemas) == 1 and schemas[0].get('id') == APP_ID, f'{name}: one schema, id {APP_ID}')
    if not schemas:
        return
    schema = schemas[0]
    check(schema.get('path') == '/' + APP_ID.replace('.', '/') + '/',
          f'{name}: path derived from the app id')
    keys = {k.get('name'): k for k in schema.findall('key')}
    expected = {
        'window-width': 'i', 'window-height': 'i', 'window-maximized': 'b',
        'annotator': 's', 'extraction-threshold': 'd', 'extractor-command': 's',
        'recent-projects': 'as',
    }
    for key, gtype in expected.items():
        check(key in keys and keys[key].get('type') == gtype, f'{name}: key {key} of type {gtype}')
    check('color-scheme' in keys and keys['color-scheme'].get('enum'),
          f'{name}: color-scheme is an enum key')
    enum_id = keys['color-scheme'].get('enum') if 'color-scheme' in keys else None
    nicks = [v.get('nick') for e in root.findall('enum') if e.get('id') == enum_id
             for v in e.findall('value')]
    check(nicks == ['default', 'light', 'dark'], f'{name}: color-scheme nicks default, light, dark')
    th = keys.get('extraction-threshold')
    if th is not None:
        # the extractor's default (chosen by tools/fit-extract-calibration)
        with open(src('src', 'core', 'extract', 'crb-extract.h'), encoding='utf-8') as f:
            default = float(re.search(r'#define CRB_EXTRACT_DEFAULT_THRESHOLD +([0-9.]+)',
                                      f.read()).group(1))
        rng = th.find('range')
        check(rng is not None and float(rng.get('min')) == 0.0 and float(rng.get('max')) == 1.0
              and float(th.findtext('default')) == default,
              f'{name}: extraction-threshold in 0–1, default CRB_EXTRACT_DEFAULT_THRESHOLD ({default})')
    for key, el in keys.items():
        check(key == key.lower() and re.fullmatch(r'[a-z][a-z0-9-]*', key),
              f'{name}: key {key} is kebab-case')
        check((el.findtext('summary') or '').strip() and (el.findtext('description') or '').strip(),
              f'{name}: key {key} has a summary and a description')


def group_data():
    check_metainfo(built('data', APP_ID + '.metainfo.xml'))

    mime_src = src('data', BASE_APP_ID + '.xml.in')
    mime_types = check_mime_xml(mime_src)
    check_mime_xml(built('data', BASE_APP_ID + '.xml'))

    desktop = built('data', APP_ID + '.desktop')
    check_desktop(desktop, mime_types)
    check_desktop_translated(desktop)

    with open(built('data', BASE_APP_ID + '.xml'), encoding='utf-8') as f:
        check('xml:lang="de"' in f.read(), 'MIME comment merged from po/de.po')

    icons = src('data', 'icons', 'hicolor')
    scalable = os.listdir(os.path.join(icons, 'scalable', 'apps'))
    symbolic = os.listdir(os.path.join(icons, 'symbolic', 'apps'))
    check(scalable == [BASE_APP_ID + '.svg'], f'scalable icon is named {BASE_APP_ID}.svg')
    check(symbolic == [BASE_APP_ID + '-symbolic.svg'],
          f'symbolic icon is named {BASE_APP_ID}-symbolic.svg')
    check_svg(os.path.join(icons, 'scalable', 'apps', BASE_APP_ID + '.svg'), 128, False)
    check_svg(os.path.join(icons, 'symbolic', 'apps', BASE_APP_ID + '-symbolic.svg'), 16, True)

    check_schema(built('data', APP_ID + '.gschema.xml'))
    check(os.path.exists(built('data', 'gschemas.compiled')),
          'schemas compiled into the build directory (GSETTINGS_SCHEMA_DIR)')

    # Other files of data/ that are XML must at least be well-formed.
    for name in sorted(os.listdir(src('data'))):
        if name.endswith(('.xml', '.xml.in')):
            check(parse_xml(src('data', name)) is not None, f'data/{name} is well-formed XML')


# ---------------------------------------------------------------------------
# mime: the type registers with update-mime-database and GIO detects it


def group_mime():
    update = need_tool('update-mime-database', 'shared-mime-info')
    gio = need_tool('gio', 'libglib2.0-bin')
    with tempfile.TemporaryDirectory() as tmp:
        share = os.path.join(tmp, 'share')
        packages = os.path.join(share, 'mime', 'packages')
        os.makedirs(packages)
        shutil.copy(built('data', BASE_APP_ID + '.xml'), packages)
        env = dict(os.environ)
        env['XDG_DATA_HOME'] = os.path.join(tmp, 'home')
        env['XDG_DATA_DIRS'] = share + ':' + env.get('XDG_DATA_DIRS', '/usr/local/share:/usr/share')

        # update-mime-database reports problems of the XML on stderr but
        # still exits 0, so any output counts as a failure.
        r = subprocess.run([update, os.path.join(share, 'mime')],
                           capture_output=True, text=True, env=env)
        check(r.returncode == 0 and not r.stderr.strip(),
              f'update-mime-database accepts the MIME XML {r.stderr.strip()!r}')
        with open(os.path.join(share, 'mime', 'globs2'), encoding='utf-8') as f:
            check(f':{MIME_TYPE}:{MIME_GLOB}' in f.read(), 'globs2 maps *.crb to the type')
        with open(os.path.join(share, 'mime', 'magic'), 'rb') as f:
            check(MIME_MAGIC.encode() in f.read(), 'the magic database holds the project marker')
        header = '{"format":"corroborate-project","version":1,"title":"t"}\n'
        cases = {
            'project.crb': header,             # glob
            'project-without-suffix': header,  # magic only
        }
        for fname, content in cases.items():
            path = os.path.join(tmp, fname)
            with open(path, 'w', encoding='utf-8') as f:
                f.write(content)
            r = subprocess.run([gio, 'info', '-a', 'standard::content-type', path],
                               capture_output=True, text=True, env=env)
            check(f'standard::content-type: {MIME_TYPE}' in r.stdout,
                  f'GIO detects {fname} as {MIME_TYPE} ({r.stdout.strip().splitlines()[-1:]})')

        other = os.path.join(tmp, 'other-without-suffix')
        with open(other, 'w', encoding='utf-8') as f:
            f.write('{"format":"something-else"}\n')
        r = subprocess.run([gio, 'info', '-a', 'standard::content-type', other],
                           capture_output=True, text=True, env=env)
        check(MIME_TYPE not in r.stdout, 'other JSON text is not detected as a project')


# ---------------------------------------------------------------------------
# potfiles: every file with translatable strings is listed


MARKERS = re.compile(r'(?<![A-Za-z0-9_])(?:N_|C_|NC_|_)\(|ngettext|translatable="yes"|gettext-domain=')
SCANNED_SUFFIXES = ('.c', '.h', '.ui', '.in', '.xml', '.desktop', '.js', '.py', '.vala')
ALWAYS_LISTED = ('.desktop.in', '.metainfo.xml.in', '.appdata.xml.in')


def read_potfiles():
    entries = []
    with open(src('po', 'POTFILES.in'), encoding='utf-8') as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith('#'):
                entries.append(line)
    return entries


def group_potfiles():
    entries = read_potfiles()
    check(entries == sorted(entries), 'POTFILES.in is sorted')
    check(len(entries) == len(set(entries)), 'POTFILES.in has no duplicates')
    for e in entries:
        check(os.path.isfile(src(e)), f'POTFILES.in entry {e} exists')

    listed = set(entries)
    for top in ('src', 'data'):
        for dirpath, dirnames, filenames in os.walk(src(top)):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith('.'))
            for fname in sorted(filenames):
                rel = os.path.relpath(os.path.join(dirpath, fname), SRC)
                if not fname.endswith(SCANNED_SUFFIXES):
                    continue
                with open(os.path.join(dirpath, fname), 'rb') as f:
                    text = f.read().decode('utf-8', errors='replace')
                mime_package = fname.endswith('.xml.in') and '<mime-info' in text
                if MARKERS.search(text) or fname.endswith(ALWAYS_LISTED) or mime_package:
                    check(rel in listed, f'{rel} has translatable strings and is in POTFILES.in')

    with open(src('po', 'LINGUAS'), encoding='utf-8') as f:
        linguas = [l for line in f for l in line.split('#')[0].split()]
    check(linguas == sorted(linguas), 'LINGUAS is sorted')
    for lang in linguas:
        check(os.path.isfile(src('po', lang + '.po')), f'po/{lang}.po exists for LINGUAS')


# ---------------------------------------------------------------------------
# translations: every catalogue compiles and translates every current string


# The same keywords as meson's i18n.gettext(preset: 'glib').
XGETTEXT_GLIB = [
    '--from-code=UTF-8', '--add-comments',
    '--keyword=_', '--keyword=N_', '--keyword=C_:1c,2', '--keyword=NC_:1c,2',
    '--keyword=g_dcgettext:2', '--keyword=g_dngettext:2,3', '--keyword=g_dpgettext2:2c,3',
    '--flag=N_:1:pass-c-format', '--flag=C_:2:pass-c-format', '--flag=NC_:2:pass-c-format',
    '--flag=g_dngettext:2:pass-c-format', '--flag=g_strdup_printf:1:c-format',
    '--flag=g_string_printf:2:c-format', '--flag=g_string_append_printf:2:c-format',
    '--flag=g_error_new:3:c-format', '--flag=g_set_error:4:c-format',
    '--flag=g_markup_printf_escaped:1:c-format', '--flag=g_log:3:c-format',
    '--flag=g_print:1:c-format', '--flag=g_printerr:1:c-format', '--flag=g_printf:1:c-format',
    '--flag=g_fprintf:2:c-format', '--flag=g_sprintf:2:c-format', '--flag=g_snprintf:3:c-format',
]


def group_translations():
    xgettext = need_tool('xgettext', 'gettext')
    msgfmt = need_tool('msgfmt', 'gettext')
    msgcmp = need_tool('msgcmp', 'gettext')
    with open(src('po', 'LINGUAS'), encoding='utf-8') as f:
        linguas = [l for line in f for l in line.split('#')[0].split()]
    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, GETTEXT_PACKAGE + '.pot')
        r = subprocess.run([xgettext, '--package-name=' + GETTEXT_PACKAGE, '-o', pot,
                            '--directory=' + SRC, '--files-from=' + src('po', 'POTFILES.in')]
                           + XGETTEXT_GLIB, capture_output=True, text=True)
        check(r.returncode == 0, f'xgettext extracts the strings {r.stderr.strip()!r}')
        for lang in linguas:
            po = src('po', lang + '.po')
            r = subprocess.run([msgfmt, '--check', '--statistics', '-o', os.devnull, po],
                               capture_output=True, text=True, env=dict(os.environ, LC_ALL='C'))
            check(r.returncode == 0, f'po/{lang}.po passes msgfmt --check {r.stderr.strip()!r}')
            check('fuzzy' not in r.stderr and 'untranslated' not in r.stderr,
                  f'po/{lang}.po has no fuzzy or untranslated messages ({r.stderr.strip()})')
            r = subprocess.run([msgcmp, '-N', po, pot], capture_output=True, text=True,
                               env=dict(os.environ, LC_ALL='C'))
            missing = [l for l in r.stderr.splitlines() if 'warning' not in l]
            check(r.returncode == 0,
                  f'po/{lang}.po translates every string of the sources: {missing[:5]}')


# ---------------------------------------------------------------------------
# l10n-cli: corroborate-cli speaks German with the German catalogue


def available_locale(wanted):
    r = subprocess.run(['locale', '-a'], capture_output=True, text=True)
    norm = {l.lower().replace('-', '') for l in r.stdout.split()}
    return wanted.lower().replace('-', '') in norm


def group_l10n_cli():
    msgfmt = need_tool('msgfmt', 'gettext')
    cli = os.environ['CRB_CLI']
    with tempfile.TemporaryDirectory() as tmp:
        localedir = os.path.join(tmp, 'locale')
        lc = os.path.join(localedir, 'de', 'LC_MESSAGES')
        os.makedirs(lc)
        subprocess.run([msgfmt, '--check', '-o', os.path.join(lc, GETTEXT_PACKAGE + '.mo'),
                        src('po', 'de.po')], check=True)

        env = {k: v for k, v in os.environ.items() if not k.startswith(('LC_', 'LANG'))}
        env['CORROBORATE_LOCALEDIR'] = localedir
        env['LANGUAGE'] = 'de'
        if available_locale('de_DE.UTF-8'):
            env['LANG'] = 'de_DE.UTF-8'
        else:
            # gettext ignores LANGUAGE only in the "C" locale; C.UTF-8 is
            # built into glibc and is enough for messages.
            print('# de_DE.UTF-8 is not generated here; using LANG=C.UTF-8 with LANGUAGE=de')
            env['LANG'] = 'C.UTF-8'

        r = subprocess.run([cli, '--help'], capture_output=True, text=True, env=env)
        print('\n'.join('# ' + l for l in r.stdout.splitlines()))
        german = r.returncode == 0 and 'Befehle:' in r.stdout and 'Aufruf:' in r.stdout
        check(german, 'corroborate-cli --help prints German')
        check('Commands:' not in r.stdout, 'no English headings are left in --help')
        if not german:
            print('# corroborate-cli must bind its text domain to $CORROBORATE_LOCALEDIR when set '
                  '(bindtextdomain (GETTEXT_PACKAGE, g_getenv ("CORROBORATE_LOCALEDIR") ?: LOCALEDIR))')

        r = subprocess.run([cli, 'frobnicate'], capture_output=True, text=True, env=env)
        check(r.returncode == 2 and 'Unbekannter Befehl „frobnicate“' in r.stderr,
              f'usage errors are German ({r.stderr.strip()!r})')

        # Plural forms through g_dngettext: one article.
        sample = src('data', 'sample', 'harbor-bridge', 'almera-courier.txt')
        project = os.path.join(tmp, 'p.crb')
        r = subprocess.run([cli, 'new', project, sample], capture_output=True, text=True, env=env)
        check(r.returncode == 0 and re.search(r'mit 1 Artikel und \d+ Aussagen angelegt', r.stdout),
              f'plural message is German ({r.stdout.strip()!r})')


# ---------------------------------------------------------------------------
# flatpak: strict JSON, allowed permissions, flatpak-builder knows every property


ALLOWED_FINISH_ARGS = ['--share=ipc', '--socket=wayland', '--socket=fallback-x11', '--device=dri']
FORBIDDEN_FINISH_ARGS = re.compile(
    r'^--(filesystem=|share=network|socket=(session-bus|system-bus|x11|pulseaudio|ssh-auth)|'
    r'device=all|talk-name=|own-name=|system-talk-name=|allow=|env=|persist=)')


def strict_json(text):
    def no_constants(name):
        raise ValueError(f'{name} is not JSON')

    def no_duplicates(pairs):
        keys = [k for k, _ in pairs]
        dupes = {k for k in keys if keys.count(k) > 1}
        if dupes:
            raise ValueError(f'duplicate keys {sorted(dupes)}')
        return dict(pairs)

    return json.loads(text, parse_constant=no_constants, object_pairs_hook=no_duplicates)


def group_flatpak():
    path = src('flatpak', BASE_APP_ID + '.json')
    with open(path, encoding='utf-8') as f:
        text = f.read()
    try:
        manifest = strict_json(text)
    except ValueError as e:
        check(False, f'flatpak manifest is strict RFC 8259 JSON: {e}')
        return
    check(True, 'flatpak manifest is strict RFC 8259 JSON')
    check(manifest.get('id') == BASE_APP_ID, f'manifest id is {BASE_APP_ID}')
    check(manifest.get('runtime') == 'org.gnome.Platform', 'runtime org.gnome.Platform')
    check(manifest.get('sdk') == 'org.gnome.Sdk', 'sdk org.gnome.Sdk')
    rv = str(manifest.get('runtime-version', ''))
    check(rv.isdigit() and int(rv) >= 49, f'runtime-version is a current GNOME version ({rv})')
    check(manifest.get('command') == 'corroborate', 'command corroborate')

    args = manifest.get('finish-args', [])
    check(sorted(args) == sorted(ALLOWED_FINISH_ARGS) and len(args) == len(set(args)),
          f'finish-args are exactly {ALLOWED_FINISH_ARGS} (got {args})')
    for a in args:
        check(not FORBIDDEN_FINISH_ARGS.match(a), f'finish-arg {a} is not a forbidden permission')

    modules = manifest.get('modules', [])
    own = modules[-1] if modules else {}
    check(isinstance(own, dict) and own.get('buildsystem') == 'meson', 'last module uses meson')
    check(isinstance(own, dict) and own.get('sources') == [{'type': 'dir', 'path': '..'}],
          'last module builds the local checkout (type dir, path ..)')

    builder = need_tool('flatpak-builder', 'flatpak-builder')
    # flatpak-builder creates its state directory (.flatpak-builder) in the
    # working directory even for --show-manifest: keep it out of the trees.
    with tempfile.TemporaryDirectory() as tmp:
        r = subprocess.run([builder, '--show-manifest', path],
                           capture_output=True, text=True, cwd=tmp)
    check(r.returncode == 0, f'flatpak-builder --show-manifest succeeds {r.stderr.strip()!r}')
    unknown = [l for l in r.stderr.splitlines() if 'Unknown property' in l or 'WARNING' in l]
    check(not unknown, f'flatpak-builder reports no unknown property {unknown}')
    try:
        shown = json.loads(r.stdout)
        check(shown.get('id') == BASE_APP_ID and shown.get('finish-args') == args,
              'flatpak-builder reads back the id and finish-args')
    except ValueError:
        check(False, 'flatpak-builder --show-manifest prints JSON')


# ---------------------------------------------------------------------------
# install: `meson install --destdir` lands every file where GNOME looks


def check_ui_files():
    """Every GtkBuilder file is well-formed XML, requires GTK 4, and names
    only classes GTK, libadwaita or the app define (the window tests load
    them all at run time)."""
    import xml.etree.ElementTree as ET
    for dirpath, _, files in os.walk(os.path.join(SRC, 'src', 'app')):
        for f in files:
            if not f.endswith('.ui'):
                continue
            path = os.path.join(dirpath, f)
            try:
                root = ET.parse(path).getroot()
            except ET.ParseError as e:
                check(False, f'{path}: well-formed XML ({e})')
                continue
            check(root.tag == 'interface', f'{path}: a GtkBuilder interface')
            req = [r for r in root.findall('requires') if r.get('lib') == 'gtk']
            check(req and req[0].get('version') == '4.0', f'{path}: requires gtk 4.0')
            classes = [o.get('class') for o in root.iter('object')] + [t.get('class') for t in root.iter('template')]
            bad = [c for c in classes if not c.startswith(('Gtk', 'Adw', 'Crb'))]
            check(not bad, f'{path}: only Gtk, Adw and Crb classes ({bad})')


def group_install():
    meson = os.environ.get('CRB_MESON') or need_tool('meson', 'meson')
    prefix = os.environ['CRB_PREFIX']
    bindir = os.environ.get('CRB_BINDIR', 'bin')
    datadir = os.environ.get('CRB_DATADIR', 'share')
    localedir = os.environ.get('CRB_LOCALEDIR', 'share/locale')

    def under(destdir, d, *parts):
        full = d if os.path.isabs(d) else os.path.join(prefix, d)
        return os.path.join(destdir, full.lstrip('/'), *parts)

    with tempfile.TemporaryDirectory() as destdir:
        r = subprocess.run([meson, 'install', '-C', BUILD, '--no-rebuild', '--quiet',
                            '--destdir', destdir], capture_output=True, text=True)
        check(r.returncode == 0, f'meson install --destdir succeeds {r.stderr.strip()[-500:]!r}')

        expected = [
            under(destdir, bindir, 'corroborate-cli'),
            under(destdir, datadir, 'applications', APP_ID + '.desktop'),
            under(destdir, datadir, 'metainfo', APP_ID + '.metainfo.xml'),
            under(destdir, datadir, 'icons', 'hicolor', 'scalable', 'apps', APP_ID + '.svg'),
            under(destdir, datadir, 'icons', 'hicolor', 'symbolic', 'apps',
                  APP_ID + '-symbolic.svg'),
            under(destdir, datadir, 'glib-2.0', 'schemas', APP_ID + '.gschema.xml'),
            under(destdir, datadir, 'mime', 'packages', BASE_APP_ID + '.xml'),
            under(destdir, localedir, 'de', 'LC_MESSAGES', GETTEXT_PACKAGE + '.mo'),
            under(destdir, datadir, 'corroborate', 'schemas', 'project.schema.json'),
            under(destdir, bindir, 'corroborate'),
            under(destdir, datadir, 'corroborate', 'sample', 'harbor-bridge', 'almera-courier.txt'),
        ]
        for path in expected:
            check(os.path.isfile(path), f'installed {os.path.relpath(path, destdir)}')

        cli = expected[0]
        check(os.access(cli, os.X_OK), 'installed corroborate-cli is executable')
        r = subprocess.run([cli, '--version'], capture_output=True, text=True)
        version = os.environ.get('CRB_VERSION', '')
        check(r.returncode == 0 and r.stdout.strip() == f'corroborate-cli {version}'.strip(),
              f'installed corroborate-cli --version runs ({r.stdout.strip()!r})')

        # The app answers --version without a display or a bus.
        app = expected[9]
        env = {k: v for k, v in os.environ.items() if k not in ('DISPLAY', 'WAYLAND_DISPLAY')}
        r = subprocess.run([app, '--version'], capture_output=True, text=True, env=env)
        check(r.returncode == 0 and r.stdout.strip() == f'corroborate {version}'.strip(),
              f'installed corroborate --version runs ({r.stdout.strip()!r} {r.stderr.strip()[-200:]!r})')

        compile_schemas = shutil.which('glib-compile-schemas')
        if compile_schemas:
            r = subprocess.run([compile_schemas, '--strict', '--dry-run',
                                os.path.dirname(expected[5])], capture_output=True, text=True)
            check(r.returncode == 0, f'installed schema compiles {r.stderr.strip()!r}')
        validate = shutil.which('desktop-file-validate')
        if validate:
            r = subprocess.run([validate, expected[1]], capture_output=True, text=True)
            check(r.returncode == 0, f'installed desktop file validates {r.stdout.strip()!r}')


# ---------------------------------------------------------------------------
# run: the README's first command, without a display, shows the sample


def group_run():
    env = {k: v for k, v in os.environ.items() if k not in ('DISPLAY', 'WAYLAND_DISPLAY')}
    env['CRB_BUILD_DIR'] = BUILD
    r = subprocess.run([src('build-aux', 'run')], capture_output=True, text=True, env=env, timeout=300)
    check(r.returncode == 0, f'build-aux/run exits 0 without a display: {r.returncode}\n{r.stdout[-2000:]}{r.stderr[-2000:]}')
    lines = r.stdout.splitlines()
    check('The three highest-scoring claims:' in lines, f'build-aux/run lists the best claims: {r.stdout[-2000:]}')
    best = lines[lines.index('The three highest-scoring claims:') + 1:][:3]
    check(len(best) == 3 and all(re.match(r'  \[[01]\.\d\d \w+\] [\w-]+: \S', line) for line in best),
          f'three claims with score, kind and article: {best}')
    check(any(line.startswith('Project: ') and line.endswith('.crb | jq .)') for line in lines),
          'build-aux/run names the project it made')
    check('total' in r.stdout and '19' in r.stdout, 'build-aux/run shows the sample\'s statistics')


GROUPS = {
    'data': lambda: (group_data(), check_ui_files()),
    'mime': group_mime,
    'potfiles': group_potfiles,
    'translations': group_translations,
    'l10n-cli': group_l10n_cli,
    'flatpak': group_flatpak,
    'install': group_install,
    'run': group_run,
}


def main():
    if len(sys.argv) != 2 or sys.argv[1] not in GROUPS:
        print(f'usage: {sys.argv[0]} {"|".join(GROUPS)}', file=sys.stderr)
        return 2
    if sys.argv[1] in ('data', 'mime', 'install') and not BUILD:
        print('CRB_BUILD_ROOT is not set', file=sys.stderr)
        return 2
    GROUPS[sys.argv[1]]()
    if failures:
        print(f'\n{len(failures)} check(s) failed:')
        for f in failures:
            print(f'  - {f}')
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
