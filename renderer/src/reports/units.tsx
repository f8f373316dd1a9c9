import { useEffect, useState } from 'react';
import { api } from '../bridge/api';

/** The units (enheter) the register's placements name, for a report's "Enhet"; empty until known or when they cannot be had. */
export function useUnits(): string[] {
  const [units, setUnits] = useState<string[]>([]);
  useEffect(() => {
    let live = true;
    void api.getPlacementSuggestions({}).then((result) => {
      if (live && result.ok) setUnits(result.value.units);
    });
    return () => {
      live = false;
    };
  }, []);
  return units;
}

/** "Enhet": all units, or one of them (one the address names is offered even when the list lacks it). */
export function UnitSelect({ id, value, onChange, units }: { id: string; value: string; onChange: (value: string) => void; units: readonly string[] }) {
  const options = value !== '' && !units.includes(value) ? [value, ...units] : units;
  return (
    <div className="field report-field--unit">
      <label htmlFor={id}>Enhet</label>
      <select id={id} className="input" value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">Alla enheter</option>
        {options.map((unit) => (
          <option key={unit} value={unit}>
            {unit}
          </option>
        ))}
      </select>
    </div>
  );
}
