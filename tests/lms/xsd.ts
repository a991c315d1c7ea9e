/**
 * Validates an LMS manifest against the official schemas with libxml2's xmllint compiled to
 * WebAssembly (xmllint-wasm): the unit tests give it the schemas from public/lms/schemas, the
 * package tests give it the very files inside a package's zip.
 */
import { validateXML, type XMLFileInfo } from 'xmllint-wasm';

/** The namespace → file pairs of a manifest's xsi:schemaLocation. */
export const schemaLocations = (xml: string): [string, string][] => {
  const value = /xsi:schemaLocation="([^"]*)"/.exec(xml)?.[1] ?? '';
  const parts = value.trim().split(/\s+/);
  return parts.flatMap((_, i) => (i % 2 === 0 ? [[parts[i], parts[i + 1]] as [string, string]] : []));
};

/**
 * xmllint takes one schema, and libxml2 ignores xsi:schemaLocation once it is given one, so a test
 * schema imports every namespace the manifest names, from the file the manifest names for it:
 * elements of another namespace (adlcp, imsss) are then checked, not skipped as lax wildcards.
 * imscp_v1p1.xsd imports the xml namespace from http://www.w3.org/2001/xml.xsd; importing it from
 * the package's xml.xsd first makes libxml2 skip that import instead of going to the network.
 */
export async function validateWithSchemas(xml: string, name: string, schemas: XMLFileInfo[]) {
  const imports = schemaLocations(xml);
  if (schemas.some((f) => f.fileName === 'xml.xsd'))
    imports.unshift(['http://www.w3.org/XML/1998/namespace', 'xml.xsd']);
  const driver = `<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:test:lms-manifest-driver">
${imports.map(([ns, loc]) => `  <xs:import namespace="${ns}" schemaLocation="${loc}"/>`).join('\n')}
</xs:schema>`;
  const result = await validateXML({
    xml: { fileName: name, contents: xml },
    schema: { fileName: 'test-driver.xsd', contents: driver },
    preload: schemas,
    normalization: 'c14n',
  });
  return { ...result, imports };
}
