// Issue 13, point 10: the CLIENTXCMS page (docs/clientxcms.md, once the README's CLIENTXCMS section)
// says what the source says (tag v2.16-fix and the older tags it names), and no longer what it
// contradicts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const section = readFileSync(join(__dirname, '../../../docs/clientxcms.md'), 'utf8');

describe('docs/clientxcms.md: CLIENTXCMS claims match the source', () => {
	it('drops the claims the source contradicts', () => {
		// Services bind by UUID/ID and answer 404 (Service.php:927-936): not a paginated show.
		expect(section).not.toMatch(/Paginated show" routes \([^)]*services/);
		// GET /services is fixed in v2.15.1; the account action does not fail on v2.15.
		expect(section).not.toContain('v2.15 fails\nthe customer account action');
		expect(section).not.toContain('fixed in v2.16.)');
		// Test Connection is not "offered as the route table lists it" as if it might work.
		expect(section).not.toContain('current servers may route it');
		// Ticket Create does not take attachments.
		expect(section).not.toContain('Ticket **Create** and **Reply** take up to 5 attachments');
	});

	it('states the corrections with their source lines', () => {
		for (const claim of [
			'404 `{"message": ""}`',
			'Service.php:927-936',
			'fixed in v2.15.1',
			'runs on v2.14 – v2.15.2 but ignores Reason,\n  Force and Notify',
			'in v2.14 – v2.16-fix',
			'`DepartmentController.php:249`',
			'`TicketController.php:293-310`',
			'`UpdateDepartmentRequest.php:37-38`',
			'`UpdateGroupRequest.php:58-60`',
			'v2.15 ignores them',
			'`routes/api-application.php:126, 128`',
			'`InvoiceController.php:40, 54`',
			'`CouponController.php:232, 245`',
			'`SubdomainHostController.php:198-199`',
			'`CouponRequest.php:73-75`',
			'`ProductController.php:209-210`',
			'`CustomerIsRelatedWith.php:38-45`',
		]) {
			expect({ claim, present: section.includes(claim) }).toEqual({ claim, present: true });
		}
	});
});
