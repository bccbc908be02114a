// ChalkSqlLexer: PostgreSQL 15's lexical structure (src/backend/parser/scan.l) for ChalkDB.
//
// Keywords are case-insensitive. Only the keywords the grammar uses are tokens; every other
// word of PostgreSQL's keyword list is an ordinary IDENT (PostgreSQL would treat it as an
// unreserved keyword, which parses identically). All reserved and type/function-name
// keywords are tokens so they are rejected as identifiers exactly as PostgreSQL rejects them.
//
// The context-sensitive parts of scan.l (operator truncation, nested comments, dollar
// quoting) are actions implemented in ChalkSqlLexerBase. Malformed input never makes the
// lexer fail: it becomes an error token (UNTERMINATED_STRING, NUMBER_JUNK, ERROR_CHAR, ...)
// that no parser rule accepts, so the parser reports it at the right moment with
// PostgreSQL's message.
lexer grammar ChalkSqlLexer;

options { superClass = ChalkSqlLexerBase; }

tokens {
  PLUS, MINUS, STAR, SLASH, PERCENT, CARET, LT, GT, EQ, LESS_EQUALS, GREATER_EQUALS, NOT_EQUALS,
  EQUALS_GREATER, OP, UNTERMINATED_COMMENT, UNTERMINATED_DOLLAR_STRING, NOT_LA, NULLS_LA
}

@lexer::postinclude {
#include "sql/grammar/chalk_sql_lexer_base.h"
}

@lexer::members {
  // parser.c's base_yylex(): NOT before BETWEEN/IN/LIKE/ILIKE/SIMILAR is NOT_LA and NULLS
  // before FIRST/LAST is NULLS_LA, so the grammar can tell them from a prefix NOT and from a
  // column named "nulls" with one token of lookahead, as PostgreSQL's does.
  bool needsLookahead(size_t type) const override { return type == NOT || type == NULLS; }

  size_t lookaheadType(size_t type, size_t next) const override {
    if (type == NOT && (next == BETWEEN || next == IN || next == LIKE || next == ILIKE || next == SIMILAR)) {
      return NOT_LA;
    }
    if (type == NULLS && (next == FIRST || next == LAST)) return NULLS_LA;
    return type;
  }

  // Maps an operator's text to its token type, as scan.l's {operator} rule does.
  size_t operatorType(const std::string& op) {
    if (op.size() == 1) {
      switch (op[0]) {
        case '+': return PLUS;
        case '-': return MINUS;
        case '*': return STAR;
        case '/': return SLASH;
        case '%': return PERCENT;
        case '^': return CARET;
        case '<': return LT;
        case '>': return GT;
        case '=': return EQ;
        default: return OP;
      }
    }
    if (op == "<=") return LESS_EQUALS;
    if (op == ">=") return GREATER_EQUALS;
    if (op == "<>" || op == "!=") return NOT_EQUALS;
    if (op == "=>") return EQUALS_GREATER;
    return OP;
  }
}

// ---- Keywords --------------------------------------------------------------------------------

ABORT: A B O R T;
ACTION: A C T I O N;
ADD_P: A D D;
ALL: A L L;
ANALYSE: A N A L Y S E;
ANALYZE: A N A L Y Z E;
ALWAYS: A L W A Y S;
ALTER: A L T E R;
AND: A N D;
ANY: A N Y;
ARRAY: A R R A Y;
AS: A S;
ASC: A S C;
ASYMMETRIC: A S Y M M E T R I C;
AT: A T;
AUTHORIZATION: A U T H O R I Z A T I O N;
BEGIN: B E G I N;
BETWEEN: B E T W E E N;
BIGINT: B I G I N T;
BINARY: B I N A R Y;
BIT: B I T;
BOOLEAN: B O O L E A N;
BOTH: B O T H;
BY: B Y;
CACHE: C A C H E;
CASCADE: C A S C A D E;
CASE: C A S E;
CAST: C A S T;
CHAIN: C H A I N;
CHAR: C H A R;
CHARACTER: C H A R A C T E R;
CHARACTERISTICS: C H A R A C T E R I S T I C S;
CHECK: C H E C K;
COALESCE: C O A L E S C E;
COLLATE: C O L L A T E;
COLLATION: C O L L A T I O N;
COLUMN: C O L U M N;
COMMIT: C O M M I T;
COMMITTED: C O M M I T T E D;
CONCURRENTLY: C O N C U R R E N T L Y;
CONFLICT: C O N F L I C T;
CONSTRAINT: C O N S T R A I N T;
CONTINUE_P: C O N T I N U E;
COPY: C O P Y;
CREATE: C R E A T E;
CROSS: C R O S S;
CSV: C S V;
CUBE: C U B E;
CURRENT_CATALOG: C U R R E N T '_' C A T A L O G;
CURRENT_DATE: C U R R E N T '_' D A T E;
CURRENT_P: C U R R E N T;
CURRENT_ROLE: C U R R E N T '_' R O L E;
CURRENT_SCHEMA: C U R R E N T '_' S C H E M A;
CURRENT_TIME: C U R R E N T '_' T I M E;
CURRENT_TIMESTAMP: C U R R E N T '_' T I M E S T A M P;
CURRENT_USER: C U R R E N T '_' U S E R;
CYCLE: C Y C L E;
DATA_P: D A T A;
DAY: D A Y;
DEALLOCATE: D E A L L O C A T E;
DEC: D E C;
DECIMAL: D E C I M A L;
DEFAULT: D E F A U L T;
DEFERRABLE: D E F E R R A B L E;
DEFERRED: D E F E R R E D;
DELETE: D E L E T E;
DELIMITER: D E L I M I T E R;
DELIMITERS: D E L I M I T E R S;
DESC: D E S C;
DISTINCT: D I S T I N C T;
DO: D O;
DOUBLE: D O U B L E;
DROP: D R O P;
ELSE: E L S E;
ENCODING: E N C O D I N G;
END: E N D;
ESCAPE: E S C A P E;
EXCEPT: E X C E P T;
EXCLUDE: E X C L U D E;
EXISTS: E X I S T S;
EXECUTE: E X E C U T E;
EXPLAIN: E X P L A I N;
EXTRACT: E X T R A C T;
FALSE_P: F A L S E;
FETCH: F E T C H;
FILTER: F I L T E R;
FIRST: F I R S T;
FLOAT: F L O A T;
FOLLOWING: F O L L O W I N G;
FOR: F O R;
FORCE: F O R C E;
FOREIGN: F O R E I G N;
FREEZE: F R E E Z E;
FROM: F R O M;
FULL: F U L L;
GRANT: G R A N T;
GENERATED: G E N E R A T E D;
GREATEST: G R E A T E S T;
GROUP: G R O U P;
GROUPING: G R O U P I N G;
GROUPS: G R O U P S;
HAVING: H A V I N G;
HEADER_P: H E A D E R;
HOUR: H O U R;
IDENTITY_P: I D E N T I T Y;
IF: I F;
ILIKE: I L I K E;
IMMEDIATE: I M M E D I A T E;
INCLUDE: I N C L U D E;
IN: I N;
INCREMENT: I N C R E M E N T;
INDEX: I N D E X;
INITIALLY: I N I T I A L L Y;
INNER: I N N E R;
INSERT: I N S E R T;
INT: I N T;
INTEGER: I N T E G E R;
INTERSECT: I N T E R S E C T;
INTERVAL: I N T E R V A L;
INTO: I N T O;
IS: I S;
ISNULL: I S N U L L;
ISOLATION: I S O L A T I O N;
JOIN: J O I N;
KEY: K E Y;
LAST: L A S T;
LATERAL: L A T E R A L;
LEADING: L E A D I N G;
LEAST: L E A S T;
LEFT: L E F T;
LEVEL: L E V E L;
LIKE: L I K E;
LIMIT: L I M I T;
LOCAL: L O C A L;
LOCALTIME: L O C A L T I M E;
LOCALTIMESTAMP: L O C A L T I M E S T A M P;
LOCKED: L O C K E D;
MATCH: M A T C H;
MATERIALIZED: M A T E R I A L I Z E D;
MAXVALUE: M A X V A L U E;
MINUTE: M I N U T E;
MINVALUE: M I N V A L U E;
MONTH: M O N T H;
NAMES: N A M E S;
NATURAL: N A T U R A L;
NEXT: N E X T;
NO: N O;
NOT: N O T;
NOTNULL: N O T N U L L;
NOTHING: N O T H I N G;
NOWAIT: N O W A I T;
NULL_P: N U L L;
NULLIF: N U L L I F;
NULLS: N U L L S;
NUMERIC: N U M E R I C;
OF: O F;
OFF: O F F;
OFFSET: O F F S E T;
ON: O N;
ONLY: O N L Y;
OPERATOR: O P E R A T O R;
OR: O R;
ORDER: O R D E R;
ORDINALITY: O R D I N A L I T Y;
OTHERS: O T H E R S;
OUTER: O U T E R;
OVER: O V E R;
OVERLAPS: O V E R L A P S;
OVERRIDING: O V E R R I D I N G;
PARTIAL: P A R T I A L;
PARTITION: P A R T I T I O N;
PLACING: P L A C I N G;
POSITION: P O S I T I O N;
PRECEDING: P R E C E D I N G;
PRECISION: P R E C I S I O N;
PREPARE: P R E P A R E;
PRIMARY: P R I M A R Y;
PROGRAM: P R O G R A M;
QUOTE: Q U O T E;
RANGE: R A N G E;
READ: R E A D;
REAL: R E A L;
REFERENCES: R E F E R E N C E S;
RECURSIVE: R E C U R S I V E;
REINDEX: R E I N D E X;
RENAME: R E N A M E;
REPEATABLE: R E P E A T A B L E;
RESET: R E S E T;
RESTART: R E S T A R T;
RESTRICT: R E S T R I C T;
RETURNING: R E T U R N I N G;
RIGHT: R I G H T;
ROLLBACK: R O L L B A C K;
ROLLUP: R O L L U P;
ROW: R O W;
ROWS: R O W S;
SCHEMA: S C H E M A;
SECOND: S E C O N D;
SELECT: S E L E C T;
SEQUENCE: S E Q U E N C E;
SERIALIZABLE: S E R I A L I Z A B L E;
SESSION: S E S S I O N;
SESSION_USER: S E S S I O N '_' U S E R;
SET: S E T;
SETS: S E T S;
SHARE: S H A R E;
SHOW: S H O W;
SIMILAR: S I M I L A R;
SIMPLE: S I M P L E;
SKIP_P: S K I P;
SMALLINT: S M A L L I N T;
SOME: S O M E;
START: S T A R T;
STDIN: S T D I N;
STDOUT: S T D O U T;
SUBSTRING: S U B S T R I N G;
SYMMETRIC: S Y M M E T R I C;
SYSTEM_P: S Y S T E M;
TABLE: T A B L E;
TABLESAMPLE: T A B L E S A M P L E;
TEMP: T E M P;
TEMPORARY: T E M P O R A R Y;
THEN: T H E N;
TIES: T I E S;
TIME: T I M E;
TIMESTAMP: T I M E S T A M P;
TO: T O;
TRAILING: T R A I L I N G;
TRANSACTION: T R A N S A C T I O N;
TRIM: T R I M;
TRUE_P: T R U E;
TRUNCATE: T R U N C A T E;
TYPE_P: T Y P E;
UNBOUNDED: U N B O U N D E D;
UNCOMMITTED: U N C O M M I T T E D;
UNION: U N I O N;
UNIQUE: U N I Q U E;
UNKNOWN: U N K N O W N;
UPDATE: U P D A T E;
USER: U S E R;
USING: U S I N G;
VALUE_P: V A L U E;
VALUES: V A L U E S;
VARCHAR: V A R C H A R;
VARIADIC: V A R I A D I C;
VARYING: V A R Y I N G;
VERBOSE: V E R B O S E;
WHEN: W H E N;
WHERE: W H E R E;
WINDOW: W I N D O W;
WITH: W I T H;
WITHIN: W I T H I N;
WITHOUT: W I T H O U T;
WORK: W O R K;
WRITE: W R I T E;
YEAR: Y E A R;
ZONE: Z O N E;

// ---- Punctuation -----------------------------------------------------------------------------

LPAREN: '(';
RPAREN: ')';
LBRACKET: '[';
RBRACKET: ']';
COMMA: ',';
SEMI: ';';
TYPECAST: '::';
COLON_EQUALS: ':=';
COLON: ':';
DOT_DOT: '..';
DOT: '.';

// ---- Whitespace and comments ------------------------------------------------------------------

WHITESPACE: [ \t\n\r\f\u000B]+ -> skip;

// Listed before OPERATOR so that "--" starts a comment even where it could extend an operator.
LINE_COMMENT: '--' ~[\r\n]* -> skip;

// Like scan.l's xcstart, the rule swallows trailing operator characters so it always wins
// over OPERATOR; the action gives them back and consumes the (nested) comment.
BLOCK_COMMENT: '/*' OP_CHAR* { skipBlockComment(UNTERMINATED_COMMENT); };

OPERATOR_CHARS: OP_CHAR+ { setType(operatorType(truncateOperator())); };

// ---- Numbers and parameters -------------------------------------------------------------------

ICONST: DIGIT+;
FCONST: DECIMAL_DIGITS | REAL_DIGITS;
// "1..2" is the integer 1 followed by "..", not the decimal "1." followed by ".2".
DECIMAL_FAIL: DIGIT+ '..' { giveBack(2); setType(ICONST); };
REAL_FAIL: (DIGIT+ | DECIMAL_DIGITS) [eE] [+-];
NUMBER_JUNK: (DIGIT+ | DECIMAL_DIGITS | REAL_DIGITS) IDENT_START IDENT_CONT*;
PARAM: '$' DIGIT+;
PARAM_JUNK: '$' DIGIT+ IDENT_START IDENT_CONT*;

// ---- Strings ----------------------------------------------------------------------------------

// Adjacent literals continue one another only across a newline, as in the SQL standard.
STRING: '\'' STRING_BODY '\'' (CONTINUATION '\'' STRING_BODY '\'')*;
UNTERMINATED_STRING: '\'' STRING_BODY ('\'' CONTINUATION '\'' STRING_BODY)*;
ESCAPE_STRING: [eE] '\'' ESCAPE_BODY '\'' (CONTINUATION '\'' ESCAPE_BODY '\'')*;
UNTERMINATED_ESCAPE_STRING: [eE] '\'' ESCAPE_BODY ('\'' CONTINUATION '\'' ESCAPE_BODY)*;
DOLLAR_STRING: '$' (DOLLAR_TAG_START DOLLAR_TAG_CONT*)? '$'
  { consumeDollarQuotedBody(UNTERMINATED_DOLLAR_STRING); };

// ---- Identifiers ------------------------------------------------------------------------------

QUOTED_IDENT: '"' ('""' | ~'"')+ '"';
EMPTY_QUOTED_IDENT: '""';
UNTERMINATED_QUOTED_IDENT: '"' ('""' | ~'"')*;
IDENT: IDENT_START IDENT_CONT*;

// Any other character is a token of its own that no rule accepts (scan.l's {other}).
ERROR_CHAR: .;

// ---- Fragments --------------------------------------------------------------------------------

fragment DIGIT: [0-9];
fragment DECIMAL_DIGITS: DIGIT* '.' DIGIT+ | DIGIT+ '.' DIGIT*;
fragment REAL_DIGITS: (DIGIT+ | DECIMAL_DIGITS) [eE] [+-]? DIGIT+;
fragment IDENT_START: [a-zA-Z_\u0080-\u{10FFFF}];
fragment IDENT_CONT: [a-zA-Z_0-9$\u0080-\u{10FFFF}];
fragment DOLLAR_TAG_START: [a-zA-Z_\u0080-\u{10FFFF}];
fragment DOLLAR_TAG_CONT: [a-zA-Z_0-9\u0080-\u{10FFFF}];
fragment OP_CHAR: [~!@#^&|`?+\-*/%<>=];
fragment STRING_BODY: (~'\'' | '\'\'')*;
fragment ESCAPE_BODY: (~['\\] | '\'\'' | '\\' .)*;
fragment CONTINUATION: [ \t\f]* [\r\n] ([ \t\n\r\f\u000B] | '--' ~[\r\n]* [\r\n])*;

fragment A: [aA];
fragment B: [bB];
fragment C: [cC];
fragment D: [dD];
fragment E: [eE];
fragment F: [fF];
fragment G: [gG];
fragment H: [hH];
fragment I: [iI];
fragment J: [jJ];
fragment K: [kK];
fragment L: [lL];
fragment M: [mM];
fragment N: [nN];
fragment O: [oO];
fragment P: [pP];
fragment Q: [qQ];
fragment R: [rR];
fragment S: [sS];
fragment T: [tT];
fragment U: [uU];
fragment V: [vV];
fragment W: [wW];
fragment X: [xX];
fragment Y: [yY];
fragment Z: [zZ];
