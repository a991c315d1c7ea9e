/**
 * The LMS manifests (src/lib/lms/manifest.ts) validated against the official schemas kept in
 * public/lms/schemas/<format>/ (sources in public/lms/schemas/README.md), with libxml2's xmllint
 * compiled to WebAssembly. An LMS refuses or half-imports a package whose manifest does not
 * validate, and no LMS is at hand in CI, so the schemas stand in for it.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateXML, type XMLFileInfo } from 'xmllint-wasm';
import { validateWithSchemas } from '../lms/xsd';
import {
  buildManifest,
  CMI5_IRI_BASE,
  schemaFiles,
  truncateTitle,
  type LmsFormat,
  type ManifestSpec,
} from '../../src/lib/lms/manifest';

const schemaRoot = path.resolve(import.meta.dirname, '..', '..', 'public', 'lms', 'schemas');
const FORMATS: LmsFormat[] = ['scorm12', 'scorm2004', 'cmi5'];
const HOSTILE = `A & B <x> "q" 'a' 中文 Latviešu ķ`;

const walk = (dir: string, prefix = ''): string[] =>
  readdirSync(dir)
    .sort()
    .flatMap((name) =>
      statSync(path.join(dir, name)).isDirectory()
        ? walk(path.join(dir, name), `${prefix}${name}/`)
        : [`${prefix}${name}`],
    );

// Every schema file of the format, byte for byte, under the name the package root gives it, so the
// relative imports and includes inside the official files resolve as they will in the package.
const preload = (format: LmsFormat): XMLFileInfo[] =>
  schemaFiles(format).map((name) => ({
    fileName: name,
    contents: new Uint8Array(readFileSync(path.join(schemaRoot, format, name))),
  }));

/** The manifest checked against every schema file of its format, under their package-root names. */
const validate = (format: LmsFormat, xml: string, name = 'imsmanifest.xml') =>
  validateWithSchemas(xml, name, preload(format));

const spec = (format: LmsFormat, over: Partial<ManifestSpec> = {}): ManifestSpec => ({
  format,
  id: 'sales-course-3f9a1c',
  title: 'Sales basics',
  description: 'Open, ask, listen, close.',
  lang: 'en',
  launch: 'index.html',
  files: ['index.html', '_astro/core.js', 'en/module-1/index.html', 'img/logo.svg'],
  ...over,
});

describe('schema files', () => {
  it.each(FORMATS)('%s: schemaFiles lists exactly the files kept in public/lms/schemas/<format>', (format) => {
    expect([...schemaFiles(format)].sort()).toEqual(walk(path.join(schemaRoot, format)).sort());
  });

  it('are the official files, not edited copies', () => {
    // A mark of each source, so a file swapped for another variant is noticed (see README.md).
    const read = (p: string) => readFileSync(path.join(schemaRoot, p), 'utf8');
    expect(read('scorm12/imscp_rootv1p1p2.xsd')).toContain('Copyright (2) 2001 IMS Global Learning Consortium');
    expect(read('scorm12/adlcp_rootv1p2.xsd')).toContain('version="ADL Version 1.2"');
    // The 4th Edition change (2009) that the 2nd and 3rd Edition adlcp_v1p3.xsd lack.
    expect(read('scorm2004/adlcp_v1p3.xsd')).toContain('2009-30-01  Added the data element, map element');
    expect(read('scorm2004/imscp_v1p1.xsd')).toContain('version = "IMS CP 1.1.4"');
    expect(read('cmi5/CourseStructure.xsd')).toContain(
      'targetNamespace="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd"',
    );
  });

  it('SCORM 1.2 imsmd_rootv1p2p1.xsd does not compile, which is why the manifest does not name it', async () => {
    // Should a newer libxml2 accept it, the SCORM 1.2 manifest may name it again (src/lib/lms/manifest.ts).
    const imsmd = preload('scorm12').find((f) => f.fileName === 'imsmd_rootv1p2p1.xsd')!;
    await expect(
      validateXML({
        xml: { fileName: 'md.xml', contents: '<lom xmlns="http://www.imsglobal.org/xsd/imsmd_rootv1p2p1"/>' },
        schema: imsmd,
        preload: preload('scorm12').filter((f) => f !== imsmd),
      }),
    ).rejects.toThrow(/not determinist/);
  });

  it('the whole SCORM 2004 LOM set compiles (lom.xsd and its common/ unique/ vocab/ extend/ files)', async () => {
    const result = await validateXML({
      xml: { fileName: 'lom.xml', contents: '<lom xmlns="http://ltsc.ieee.org/xsd/LOM"/>' },
      schema: { fileName: 'lom.xsd', contents: readFileSync(path.join(schemaRoot, 'scorm2004', 'lom.xsd'), 'utf8') },
      preload: preload('scorm2004').filter((f) => f.fileName !== 'lom.xsd'),
    });
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });
});

describe.each(FORMATS)('%s manifest', (format) => {
  const fileName = format === 'cmi5' ? 'cmi5.xml' : 'imsmanifest.xml';

  it.each([
    ['without mastery', undefined, 'Sales basics'],
    ['with mastery', 0.8, 'Sales basics'],
    ['with a hostile title', 0.75, HOSTILE],
    ['with a hostile title, without mastery', undefined, HOSTILE],
  ])('%s validates against the official schemas', async (_, mastery, title) => {
    const { name, xml } = buildManifest(spec(format, { mastery, title, description: title }));
    expect(name).toBe(fileName);
    const result = await validate(format, xml, name);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    // Every schemaLocation points at a file the package carries at its root.
    expect(result.imports.length).toBeGreaterThan(0);
    for (const [, loc] of result.imports) expect(schemaFiles(format)).toContain(loc);

    // The parser reads back the exact title (canonical XML escapes only & < > in text).
    const canonical = title.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    expect(result.normalized).toContain(
      format === 'cmi5' ? `lang="en">${canonical}</langstring>` : `<title>${canonical}</title>`,
    );

    const x = result.normalized;
    if (format === 'cmi5') {
      expect(x).toContain(`<course id="${CMI5_IRI_BASE}sales-course-3f9a1c">`);
      expect(x).toContain(`<au id="${CMI5_IRI_BASE}sales-course-3f9a1c/au"`);
      expect(x).toContain('launchMethod="AnyWindow"');
      expect(x).toContain('<url>index.html</url>');
      expect(x).toContain(mastery === undefined ? 'moveOn="Completed"' : 'moveOn="CompletedAndPassed"');
      if (mastery === undefined) expect(x).not.toContain('masteryScore');
      else expect(x).toContain(`masteryScore="${mastery}"`);
    } else {
      expect(x).toMatch(/<resource [^>]*href="index\.html"/);
      expect(x).toContain(format === 'scorm12' ? 'adlcp:scormtype="sco"' : 'adlcp:scormType="sco"');
      const files = [...x.matchAll(/<file href="([^"]*)"/g)].map((m) => m[1]);
      expect(files).toEqual(['index.html', '_astro/core.js', 'en/module-1/index.html', 'img/logo.svg']);
      expect(x).toContain(format === 'scorm12' ? '<schemaversion>1.2</schemaversion>' : '2004 4th Edition');
      if (format === 'scorm12') {
        if (mastery === undefined) expect(x).not.toContain('masteryscore');
        else expect(x).toContain(`<adlcp:masteryscore>${Math.round(mastery * 100)}</adlcp:masteryscore>`);
      } else if (mastery === undefined) {
        expect(x).not.toContain('imsss:sequencing');
        expect(x).not.toContain('minNormalizedMeasure');
      } else {
        expect(x).toContain('satisfiedByMeasure="true"');
        expect(x).toContain(`<imsss:minNormalizedMeasure>${mastery}</imsss:minNormalizedMeasure>`);
      }
    }
  });

  it('fails validation when the manifest is broken, so the validator is really checking', async () => {
    const { xml } = buildManifest(spec(format, { mastery: 0.8 }));
    const broken =
      format === 'cmi5'
        ? xml.replace('moveOn="CompletedAndPassed"', 'moveOn="Done"')
        : format === 'scorm12'
          ? xml
              .replace(/<organizations default="[^"]*">/, '<organizations>')
              .replace('<metadata>', '<bogus/><metadata>')
          : xml.replace('adlcp:scormType="sco"', 'adlcp:scormType="lesson"');
    expect(broken).not.toBe(xml);
    const result = await validate(format, broken);
    expect(result.valid).toBe(false);
    expect(result.errors.length).toBeGreaterThan(0);
  });

  it('refuses an extension value the extension schema forbids (the extension namespace is checked)', async () => {
    const { xml } = buildManifest(spec(format, { mastery: 0.8 }));
    const broken =
      format === 'cmi5'
        ? xml.replace(/masteryScore="[^"]*"/, 'masteryScore="80"')
        : format === 'scorm12'
          ? xml.replace('adlcp:scormtype="sco"', 'adlcp:scormtype="lesson"')
          : xml.replace(/<imsss:minNormalizedMeasure>[^<]*</, '<imsss:minNormalizedMeasure>80<');
    expect(broken).not.toBe(xml);
    const result = await validate(format, broken);
    expect(result.valid).toBe(false);
    expect(result.errors.map((e) => e.message).join('\n')).toMatch(/scormtype|masteryScore|minNormalizedMeasure/i);
  });
});

describe('buildManifest details', () => {
  it('cuts a SCORM title at 200 characters without splitting a character, and it still validates', async () => {
    const long = `${'Pārdošana 中文 '.repeat(20)}👩‍👩‍👧 end`;
    const cut = truncateTitle(long);
    expect([...cut].length).toBeLessThanOrEqual(200);
    expect(cut.endsWith('…')).toBe(true);
    expect(cut).not.toMatch(/[\uD800-\uDFFF](?![\uDC00-\uDFFF])/u);
    expect(truncateTitle('Short')).toBe('Short');
    // 199 graphemes then a family emoji of 5 code points: the emoji is dropped whole.
    expect(truncateTitle(`${'a'.repeat(198)}👩‍👩‍👧b`)).toBe(`${'a'.repeat(198)}…`);
    for (const format of ['scorm12', 'scorm2004'] as const) {
      const result = await validate(format, buildManifest(spec(format, { title: long })).xml);
      expect(result.errors).toEqual([]);
    }
    // The schema's own limit, as proof the cut is needed in SCORM 1.2.
    const uncut = buildManifest(spec('scorm12')).xml.replaceAll('Sales basics', 'x'.repeat(201));
    expect((await validate('scorm12', uncut)).valid).toBe(false);
  });

  it('drops characters XML cannot carry and escapes the rest', async () => {
    const title = 'a\u0001b\u0008c\uFFFE\uD800d\re';
    const { xml } = buildManifest(spec('cmi5', { title }));
    expect(xml).toContain('>abcd&#13;e</langstring>');
    expect((await validate('cmi5', xml, 'cmi5.xml')).valid).toBe(true);
  });

  it('lists each file once, launch first, without the manifest and the schema files', () => {
    const { xml } = buildManifest(
      spec('scorm2004', {
        launch: 'start/index.html',
        files: ['a.html', 'imsmanifest.xml', 'imsss_v1p0.xsd', 'common/anyElement.xsd', 'a.html', 'start/index.html'],
      }),
    );
    expect([...xml.matchAll(/<file href="([^"]*)"/g)].map((m) => m[1])).toEqual(['start/index.html', 'a.html']);
  });

  it('percent-encodes file names so spaces, # and non-ASCII letters stay part of the path', async () => {
    const { xml } = buildManifest(spec('scorm2004', { launch: 'ms/kursus 1#a.html', files: ['zh/课程.html'] }));
    expect(xml).toContain('href="ms/kursus%201%23a.html"');
    expect(xml).toContain('<file href="zh/%E8%AF%BE%E7%A8%8B.html"/>');
    expect((await validate('scorm2004', xml)).valid).toBe(true);
  });

  it('makes an id that starts with a digit a valid XML ID', async () => {
    const { xml } = buildManifest(spec('scorm12', { id: '3f9a1c' }));
    expect(xml).toContain('identifier="pkg-3f9a1c"');
    expect((await validate('scorm12', xml)).valid).toBe(true);
  });

  it.each([
    [{ id: 'has space' }],
    [{ id: '' }],
    [{ lang: 'en_US' }],
    [{ mastery: 1.5 }],
    [{ mastery: Number.NaN }],
    [{ launch: '../index.html' }],
    [{ launch: '/index.html' }],
    [{ files: ['a\\b.html'] }],
    [{ files: ['a//b.html'] }],
    [{ files: ['a\u0001.html'] }],
  ])('refuses a bad spec: %o', (over) => {
    expect(() => buildManifest(spec('scorm2004', over))).toThrow();
  });

  it('writes mastery as a plain decimal (never 1e-7) and 1.2 masteryscore as an integer percent', () => {
    expect(buildManifest(spec('cmi5', { mastery: 0.0000001 })).xml).toContain('masteryScore="0"');
    expect(buildManifest(spec('scorm2004', { mastery: 0.1 + 0.2 })).xml).toContain('>0.3<');
    expect(buildManifest(spec('scorm12', { mastery: 0.57 })).xml).toContain('<adlcp:masteryscore>57<');
    expect(buildManifest(spec('scorm12', { mastery: 1 })).xml).toContain('<adlcp:masteryscore>100<');
  });
});
