/**
 * Issue 13: the searches a case worker tried in the first hour. The register finds "exempelsson
 * anna" (words in any order). Fictional homes and names.
 */
import { expect, gotoRegister, loadDemo, shownNames, test } from './fixtures';

test('the register search takes words in any order: "exempelsson anna" finds Anna Exempelsson’s home', async ({ page, openApp }) => {
  await openApp();
  await gotoRegister(page);
  await loadDemo(page);
  const search = page.getByLabel('Sök');
  await search.fill('exempelsson anna');
  await expect.poll(() => shownNames(page)).toEqual(['Familjen Exempelsson']);
  await search.fill('Anna  EXEMPELSSON');
  await expect.poll(() => shownNames(page)).toEqual(['Familjen Exempelsson']);
  // A word in the kommun and one in the name.
  await search.fill('timrå östergårdens');
  await expect.poll(() => shownNames(page)).toEqual(['Östergårdens HVB']);
  await search.fill('exempelsson stockholm');
  await expect(page.getByText('0 hem visas')).toBeVisible();
});
