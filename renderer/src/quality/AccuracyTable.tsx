import { gradeLabel } from '../../../preload/api';
import type { AccuracyRow } from '../../../preload/api';
import { intervalText, rateText, rowNote } from './accuracyText';
import './accuracy.css';

/**
 * Träffsäkerhet per grade: how many placements began in homes of each grade, how many of them
 * ended in sammanbrott, the rate with its 95 % interval, and which rows are too few to say
 * anything; all placements last. The chart beside it shows the same.
 */
export function AccuracyTable({ rows, total, caption }: { rows: readonly AccuracyRow[]; total: AccuracyRow; caption: string }) {
  return (
    <table className="accuracy-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Betyg</th>
          <th scope="col" className="accuracy-table__number">Placeringar</th>
          <th scope="col" className="accuracy-table__number">Sammanbrott</th>
          <th scope="col" className="accuracy-table__number">Andel (%)</th>
          <th scope="col" className="accuracy-table__number">95 %-intervall</th>
          <th scope="col">Anmärkning</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <GradeRow key={row.grade ?? 'none'} row={row} label={gradeLabel(row)} />
        ))}
      </tbody>
      <tfoot>
        <GradeRow row={total} label="Alla" />
      </tfoot>
    </table>
  );
}

function GradeRow({ row, label }: { row: AccuracyRow; label: string }) {
  const note = rowNote(row);
  return (
    <tr className={row.tooFew ? 'accuracy-table__few' : undefined}>
      <th scope="row">{label}</th>
      <td className="accuracy-table__number">{row.placements}</td>
      <td className="accuracy-table__number">{row.breakdowns}</td>
      <td className="accuracy-table__number">{rateText(row)}</td>
      <td className="accuracy-table__number">{intervalText(row)}</td>
      <td className="accuracy-table__note">{note}</td>
    </tr>
  );
}
