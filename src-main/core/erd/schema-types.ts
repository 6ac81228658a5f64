/**
 * SQL and DBML column types → `djforge-erd` field types. Each database type maps to the nearest
 * Django field with its length and precision kept; a mapping that loses something (a binary
 * column as text, an array as JSON, a fixed-length `char`) says what, so the import can report it.
 */
import type { Field, FieldType } from '../../../src-shared/erd/model';
import type { ColumnType } from './schema-model';

/** The field type and options a column type maps to, and why it is approximate when it is. */
export interface MappedType {
  field: Pick<Field, 'type' | 'maxLength' | 'maxDigits' | 'decimalPlaces'>;
  approximation?: string;
}

const EXACT: Readonly<Record<string, FieldType>> = {
  text: 'text',
  tinytext: 'text',
  mediumtext: 'text',
  longtext: 'text',
  ntext: 'text',
  clob: 'text',
  citext: 'text',
  int: 'integer',
  integer: 'integer',
  int4: 'integer',
  smallint: 'integer',
  int2: 'integer',
  mediumint: 'integer',
  tinyint: 'integer',
  serial: 'integer',
  serial4: 'integer',
  smallserial: 'integer',
  serial2: 'integer',
  bigint: 'bigInteger',
  int8: 'bigInteger',
  bigserial: 'bigInteger',
  serial8: 'bigInteger',
  real: 'float',
  float: 'float',
  float4: 'float',
  float8: 'float',
  double: 'float',
  'double precision': 'float',
  doubleprecision: 'float',
  bool: 'boolean',
  boolean: 'boolean',
  date: 'date',
  timestamp: 'datetime',
  timestamptz: 'datetime',
  datetime: 'datetime',
  datetime2: 'datetime',
  smalldatetime: 'datetime',
  datetimeoffset: 'datetime',
  'timestamp with time zone': 'datetime',
  'timestamp without time zone': 'datetime',
  time: 'time',
  timetz: 'time',
  'time with time zone': 'time',
  'time without time zone': 'time',
  interval: 'duration',
  uuid: 'uuid',
  uniqueidentifier: 'uuid',
  json: 'json',
  jsonb: 'json',
  inet: 'ipAddress',
};

const STRINGS = new Set(['varchar', 'character varying', 'nvarchar', 'varchar2', 'nvarchar2', 'string']);
const FIXED_STRINGS = new Set(['char', 'character', 'nchar', 'bpchar']);
const DECIMALS = new Set(['decimal', 'numeric', 'number', 'dec']);
const BINARY = new Set(['bytea', 'blob', 'tinyblob', 'mediumblob', 'longblob', 'binary', 'varbinary', 'image']);

/** The default precision Django uses when a `decimal`/`numeric` column states none. */
const DEFAULT_DIGITS = 19;
const DEFAULT_PLACES = 4;

/**
 * The field a column type maps to. `enumValues` is set when the type names an enum of the schema
 * (the caller resolves enum names, including schema-qualified ones).
 */
export function mapColumnType(type: ColumnType, enumValues: readonly string[] | undefined): MappedType {
  const name = type.name.toLowerCase();
  if (type.array === true)
    return { field: { type: 'json' }, approximation: `the array type ${type.text} is stored as JSON` };
  if (enumValues !== undefined) return { field: { type: 'enum' } };
  if (type.values !== undefined && name === 'enum') return { field: { type: 'enum' } };
  const [first, second] = type.args;
  if (STRINGS.has(name)) {
    if (first === undefined || first <= 0)
      return { field: { type: 'text' }, approximation: `${type.text} has no length, so it becomes a text field` };
    return { field: { type: 'string', maxLength: first } };
  }
  if (FIXED_STRINGS.has(name))
    return {
      field: { type: 'string', maxLength: first ?? 1 },
      approximation: `the fixed-length ${type.text} becomes a variable-length string`,
    };
  if (DECIMALS.has(name)) {
    if (first === undefined)
      return {
        field: { type: 'decimal', maxDigits: DEFAULT_DIGITS, decimalPlaces: DEFAULT_PLACES },
        approximation: `${type.text} states no precision; decimal(${DEFAULT_DIGITS},${DEFAULT_PLACES}) is used`,
      };
    return { field: { type: 'decimal', maxDigits: first, decimalPlaces: second ?? 0 } };
  }
  if (name === 'money' || name === 'smallmoney')
    return {
      field: { type: 'decimal', maxDigits: 19, decimalPlaces: 4 },
      approximation: `${type.text} becomes decimal(19,4)`,
    };
  if (name === 'bit' && (first === undefined || first === 1)) return { field: { type: 'boolean' } };
  if (name === 'year') return { field: { type: 'integer' }, approximation: `${type.text} becomes an integer` };
  if (name === 'cidr')
    return { field: { type: 'ipAddress' }, approximation: `${type.text} becomes an IP address field` };
  if (name === 'set' && type.values !== undefined)
    return { field: { type: 'string', maxLength: 255 }, approximation: `the set type ${type.text} becomes a string` };
  if (BINARY.has(name))
    return { field: { type: 'text' }, approximation: `the binary type ${type.text} becomes a text field` };
  if (name === 'float' && first !== undefined) return { field: { type: 'float' } };
  const exact = EXACT[name];
  if (exact !== undefined) return { field: { type: exact } };
  return {
    field: { type: 'text' },
    approximation: `the type ${type.text} has no Django equivalent and becomes a text field`,
  };
}

/** The column type written back for a field (`dialect` picks the spelling), the inverse of mapColumnType. */
export function columnTypeFor(field: Field, dialect: 'dbml' | 'postgres' | 'mysql' | 'sqlite'): string {
  const pg = dialect === 'postgres' || dialect === 'dbml';
  switch (field.type) {
    case 'string':
    case 'email':
    case 'url':
    case 'slug':
    case 'file':
    case 'image':
      return `varchar(${field.maxLength ?? defaultLength(field.type)})`;
    case 'text':
      return 'text';
    case 'integer':
      return dialect === 'sqlite' ? 'integer' : 'int';
    case 'bigInteger':
      return 'bigint';
    case 'float':
      return pg ? 'double precision' : dialect === 'mysql' ? 'double' : 'real';
    case 'decimal':
      return `decimal(${field.maxDigits ?? 12},${field.decimalPlaces ?? 2})`;
    case 'boolean':
      return 'boolean';
    case 'date':
      return 'date';
    case 'datetime':
      return pg ? 'timestamptz' : 'datetime';
    case 'time':
      return 'time';
    case 'duration':
      return pg ? 'interval' : 'bigint';
    case 'uuid':
      return pg ? 'uuid' : 'char(32)';
    case 'json':
      return pg ? 'jsonb' : 'json';
    case 'ipAddress':
      return pg ? 'inet' : 'varchar(39)';
    case 'enum':
      return 'varchar(255)';
  }
}

function defaultLength(type: FieldType): number {
  if (type === 'slug') return 50;
  if (type === 'url') return 200;
  if (type === 'email') return 254;
  if (type === 'file' || type === 'image') return 100;
  return 255;
}
