/**
 * The package manifests an LMS reads to import the course: imsmanifest.xml for SCORM 1.2 and SCORM
 * 2004 4th Edition, cmi5.xml for cmi5. Each is the smallest manifest that validates against the
 * official schemas (kept unchanged in public/lms/schemas/<format>/; tests/unit/lms-manifest.test.ts
 * validates every variant with libxml2): one course, one launchable unit, no sequencing beyond the
 * mastery threshold. Pure string building, so the package builder can run it anywhere.
 */

export type LmsFormat = 'scorm12' | 'scorm2004' | 'cmi5';

export interface ManifestSpec {
  format: LmsFormat;
  /** Stable identifier of this package, [A-Za-z0-9._-], e.g. 'sales-course-3f9a1c' */
  id: string;
  /** Course title in the package language (any Unicode; must be XML-escaped) */
  title: string;
  /** Short description in the package language */
  description: string;
  /** BCP-47 tag of the package's language (e.g. 'en', 'ms', 'zh-CN', 'lv') */
  lang: string;
  /** Launch file relative to the package root, e.g. 'index.html' */
  launch: string;
  /** 0..1 when the LMS should judge passed/failed; undefined = completion only */
  mastery?: number;
  /**
   * Every file in the package, relative paths with '/' (for SCORM <file href>). The manifest and
   * the schema files may be included: they are left out of the list, as the SCORM CAM lists only
   * the resource's own files. cmi5 lists no files.
   */
  files: string[];
}

/** Where the course and AU identifiers of cmi5 live: a reserved domain, as they name, not locate. */
export const CMI5_IRI_BASE = 'https://sales-course.invalid/lms/';

/** SCORM 1.2's imscp schema caps <title> at 200 characters; SCORM 2004 LMSs need only keep 200. */
export const SCORM_TITLE_MAX = 200;

const SCORM12_SCHEMAS = ['imscp_rootv1p1p2.xsd', 'adlcp_rootv1p2.xsd', 'imsmd_rootv1p2p1.xsd', 'ims_xml.xsd'];

// ADL's SCORM 2004 4th Edition schema set as ADL ships it (its bdlcp_rootv1p2.xsd test file aside).
// imscp_v1p1.xsd, lom.xsd and imsss_v1p0.xsd include or import the files in the sub-folders by
// relative path, so the folders must keep their names at the package root.
const SCORM2004_SCHEMAS = [
  'imscp_v1p1.xsd',
  'adlcp_v1p3.xsd',
  'adlseq_v1p3.xsd',
  'adlnav_v1p3.xsd',
  'imsss_v1p0.xsd',
  'imsss_v1p0auxresource.xsd',
  'imsss_v1p0control.xsd',
  'imsss_v1p0delivery.xsd',
  'imsss_v1p0limit.xsd',
  'imsss_v1p0objective.xsd',
  'imsss_v1p0random.xsd',
  'imsss_v1p0rollup.xsd',
  'imsss_v1p0seqrule.xsd',
  'imsss_v1p0util.xsd',
  'xml.xsd',
  'XMLSchema.dtd',
  'datatypes.dtd',
  'lom.xsd',
  'lomCustom.xsd',
  'lomLoose.xsd',
  'lomStrict.xsd',
  'common/anyElement.xsd',
  'common/dataTypes.xsd',
  'common/elementNames.xsd',
  'common/elementTypes.xsd',
  'common/rootElement.xsd',
  'common/vocabTypes.xsd',
  'common/vocabValues.xsd',
  'extend/custom.xsd',
  'extend/strict.xsd',
  'unique/loose.xsd',
  'unique/strict.xsd',
  'vocab/adlmd_vocabv1p0.xsd',
  'vocab/custom.xsd',
  'vocab/loose.xsd',
  'vocab/strict.xsd',
];

const CMI5_SCHEMAS = ['CourseStructure.xsd'];

/** Names of the schema files that sit at the package root for a format (the manifest's schemaLocation points at them). */
export function schemaFiles(format: LmsFormat): string[] {
  if (format === 'scorm12') return [...SCORM12_SCHEMAS];
  if (format === 'scorm2004') return [...SCORM2004_SCHEMAS];
  if (format === 'cmi5') return [...CMI5_SCHEMAS];
  throw new Error(`Unknown LMS format: ${String(format)}`);
}

/** The manifest file name and XML for a format: imsmanifest.xml (SCORM) or cmi5.xml (cmi5). */
export function buildManifest(spec: ManifestSpec): { name: string; xml: string } {
  checkSpec(spec);
  if (spec.format === 'scorm12') return { name: 'imsmanifest.xml', xml: scorm12(spec) };
  if (spec.format === 'scorm2004') return { name: 'imsmanifest.xml', xml: scorm2004(spec) };
  return { name: 'cmi5.xml', xml: cmi5(spec) };
}

function checkSpec(spec: ManifestSpec): void {
  if (!['scorm12', 'scorm2004', 'cmi5'].includes(spec.format)) {
    throw new Error(`Unknown LMS format: ${String(spec.format)}`);
  }
  if (!/^[A-Za-z0-9._-]+$/.test(spec.id)) throw new Error(`Package id must match [A-Za-z0-9._-]+: "${spec.id}"`);
  // xs:language, which cmi5's langstring@lang is: BCP-47 tags fit it.
  if (!/^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/.test(spec.lang)) throw new Error(`Not a language tag: "${spec.lang}"`);
  if (spec.mastery !== undefined && !(Number.isFinite(spec.mastery) && spec.mastery >= 0 && spec.mastery <= 1)) {
    throw new Error(`Mastery must be a number from 0 to 1: ${spec.mastery}`);
  }
  checkPath(spec.launch);
  spec.files.forEach(checkPath);
}

// A package path the LMS resolves against the package root: no way out of it, no absolute path, no
// Windows separators (a zip entry named a\b.html is one file, not a folder).
function checkPath(path: string): void {
  const ok =
    path.length > 0 &&
    !path.includes('\\') &&
    ![...path].some((c) => c < ' ' || c === '\u007f') &&
    path.split('/').every((seg) => seg !== '' && seg !== '.' && seg !== '..');
  if (!ok) throw new Error(`Not a relative package path: "${path}"`);
}

// Characters XML 1.0 cannot carry at all, not even as &#...; (C0 controls but tab, LF and CR; lone
// surrogates; U+FFFE/U+FFFF). A title pasted from elsewhere can hold them, and one would make the
// whole manifest unreadable to the LMS, so they are dropped.
const NOT_XML = /[^\t\n\r\u{20}-\u{D7FF}\u{E000}-\u{FFFD}\u{10000}-\u{10FFFF}]/gu;

function esc(value: string): string {
  return value
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;'); // a raw CR would be read back as LF
}

// In an attribute a raw tab or newline is read back as a space (attribute-value normalisation).
function escAttr(value: string): string {
  return esc(value).replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}

/**
 * A title of at most `max` characters (Unicode code points, which is what XSD maxLength counts),
 * cut at a grapheme boundary so no accent, emoji or surrogate pair is split, and ending in '…'
 * when cut. Characters XML cannot carry are dropped first, so the count is of what is written.
 */
export function truncateTitle(title: string, max = SCORM_TITLE_MAX): string {
  const clean = title.replace(NOT_XML, '').trim();
  if ([...clean].length <= max) return clean;
  let out = '';
  let used = 0;
  for (const { segment } of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(clean)) {
    const size = [...segment].length;
    if (used + size > max - 1) break;
    out += segment;
    used += size;
  }
  return `${out.trimEnd()}…`;
}

// A file path as a URI reference: each segment percent-encoded, so a space, '#', '?' or a
// non-ASCII letter in a file name cannot change what the LMS resolves (SCORM's href is xs:anyURI).
function href(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

// xs:ID (NCName) must not start with a digit, '.' or '-', which the package id may.
function xmlId(id: string): string {
  return /^[A-Za-z_]/.test(id) ? id : `pkg-${id}`;
}

// A decimal as XSD writes it: never exponent notation, at most 4 places, no float noise (0.1 + 0.2).
function decimal(n: number): string {
  return String(Number(n.toFixed(4)));
}

// The SCORM resource's files: launch first, then the rest once each, without the manifest and
// schema files (they belong to the package, not to the resource).
function resourceFiles(spec: ManifestSpec): string[] {
  const skip = new Set(['imsmanifest.xml', ...schemaFiles(spec.format)]);
  return [...new Set([spec.launch, ...spec.files])].filter((f) => !skip.has(f));
}

function fileList(spec: ManifestSpec): string {
  return resourceFiles(spec)
    .map((f) => `      <file href="${escAttr(href(f))}"/>`)
    .join('\n');
}

// schemaLocation names only the namespaces the manifest uses. The package still carries
// imsmd_rootv1p2p1.xsd (ADL's SCORM 1.2 packages carry all four control documents), but naming
// it would make strict validators fail: its content models are not deterministic, so libxml2
// refuses to compile it (a test pins this).
function scorm12(spec: ManifestSpec): string {
  const id = xmlId(spec.id);
  const title = esc(truncateTitle(spec.title));
  // SCORM 1.2 masteryscore is a percentage that the LMS compares with cmi.core.score.raw.
  const mastery =
    spec.mastery === undefined
      ? ''
      : `\n        <adlcp:masteryscore>${Math.round(Number((spec.mastery * 100).toFixed(4)))}</adlcp:masteryscore>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${id}" version="1.0"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="${id}-org">
    <organization identifier="${id}-org">
      <title>${title}</title>
      <item identifier="${id}-item" identifierref="${id}-sco" isvisible="true">
        <title>${title}</title>${mastery}
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="${id}-sco" type="webcontent" adlcp:scormtype="sco" href="${escAttr(href(spec.launch))}">
${fileList(spec)}
    </resource>
  </resources>
</manifest>
`;
}

function scorm2004(spec: ManifestSpec): string {
  const id = xmlId(spec.id);
  const title = esc(truncateTitle(spec.title));
  // The LMS hands minNormalizedMeasure to the SCO as cmi.scaled_passing_score only when the
  // primary objective is satisfied by measure (SCORM 2004 RTE 4.2.20).
  const sequencing =
    spec.mastery === undefined
      ? ''
      : `
        <imsss:sequencing>
          <imsss:objectives>
            <imsss:primaryObjective satisfiedByMeasure="true">
              <imsss:minNormalizedMeasure>${decimal(spec.mastery)}</imsss:minNormalizedMeasure>
            </imsss:primaryObjective>
          </imsss:objectives>
        </imsss:sequencing>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${id}" version="1.0"
  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
  xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>2004 4th Edition</schemaversion>
  </metadata>
  <organizations default="${id}-org">
    <organization identifier="${id}-org">
      <title>${title}</title>
      <item identifier="${id}-item" identifierref="${id}-sco" isvisible="true">
        <title>${title}</title>${sequencing}
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="${id}-sco" type="webcontent" adlcp:scormType="sco" href="${escAttr(href(spec.launch))}">
${fileList(spec)}
    </resource>
  </resources>
</manifest>
`;
}

function cmi5(spec: ManifestSpec): string {
  const course = `${CMI5_IRI_BASE}${spec.id}`;
  const lang = escAttr(spec.lang);
  const text = (tag: string, value: string) =>
    `<${tag}>\n      <langstring lang="${lang}">${esc(value.trim())}</langstring>\n    </${tag}>`;
  // Without a mastery score the AU is satisfied by completion alone; with one, it must also pass.
  const moveOn =
    spec.mastery === undefined
      ? 'moveOn="Completed"'
      : `moveOn="CompletedAndPassed" masteryScore="${decimal(spec.mastery)}"`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd CourseStructure.xsd">
  <course id="${escAttr(course)}">
    ${text('title', spec.title)}
    ${text('description', spec.description)}
  </course>
  <au id="${escAttr(`${course}/au`)}" ${moveOn} launchMethod="AnyWindow">
    ${text('title', spec.title)}
    ${text('description', spec.description)}
    <url>${esc(href(spec.launch))}</url>
  </au>
</courseStructure>
`;
}
