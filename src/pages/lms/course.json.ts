/**
 * The course as LMS packages see it (src/server/lms.ts), for `npm run package` and the tests: the
 * lessons in order with their titles, modules and exercises. The package's frame has the same data
 * in its page.
 */
import { getLmsCourse } from '../../server/lms';

export async function GET(): Promise<Response> {
  return new Response(JSON.stringify(await getLmsCourse()), { headers: { 'content-type': 'application/json' } });
}
