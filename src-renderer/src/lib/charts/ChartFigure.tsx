import { useId, useState } from 'react';
import type { ChartSpec, ChartTable } from './chart';
import { ChartView } from './ChartView';

export interface ChartFigureProps {
  title: string;
  spec: ChartSpec;
  table: ChartTable;
  dark: boolean;
  /** Why the chart has nothing to draw, shown above it (an empty chart alone says nothing). */
  note?: string | undefined;
}

/**
 * A titled chart with its numbers as a table behind a toggle: screen-reader users and anyone who
 * wants the exact figures read the table, which holds the same numbers the chart draws.
 */
export function ChartFigure({ title, spec, table, dark, note }: ChartFigureProps) {
  const [showTable, setShowTable] = useState(false);
  const tableId = useId();
  return (
    <figure className="chart-figure" aria-label={title}>
      <figcaption>
        <span>{title}</span>
        <button
          type="button"
          aria-expanded={showTable}
          aria-controls={tableId}
          onClick={() => setShowTable(!showTable)}
        >
          {showTable ? 'Hide data table' : 'Show data table'}
        </button>
      </figcaption>
      {note && <p className="chart-note">{note}</p>}
      <ChartView spec={spec} dark={dark} label={title} />
      {showTable && (
        <table id={tableId} className="chart-table" aria-label={`${title} (data)`}>
          <thead>
            <tr>
              {table.columns.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, i) => (
              <tr key={i}>
                {row.map((cell, j) => (
                  <td key={j}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </figure>
  );
}
