/**
 * An independent Luhn check for the tests, written differently from main/domain/luhn.ts so a bug
 * there cannot hide in both: double every second digit from the right; the sum ends in 0.
 */
export function referenceLuhn(digits: string): boolean {
  const sum = [...digits].reverse().reduce((acc, ch, i) => {
    const d = Number(ch) * (i % 2 === 1 ? 2 : 1);
    return acc + Math.floor(d / 10) + (d % 10);
  }, 0);
  return sum % 10 === 0;
}
