// ChalkSqlParser: the SQL grammar ChalkDB accepts, modelled on PostgreSQL 15's gram.y.
//
// Rule and keyword-category names follow gram.y so the two can be compared side by side; the
// keyword categories and bare column labels are PostgreSQL 15's (pg_get_keywords()).
// Differences in form, not in the language accepted:
// - Operator precedence comes from the order of the aExpr/bExpr alternatives (highest
//   first, as in PostgreSQL's "Operator Precedence" table). ANTLR has no %nonassoc, so an
//   action rejects a < b < c, a LIKE b LIKE c, ... at the second operator, which is where
//   PostgreSQL reports them.
// - PostgreSQL 15's "subquery in FROM must have an alias" is raised by an action too, at the
//   moment gram.y raises it.
// Only the statements ChalkDB runs are covered; anything else is a syntax error. WITHIN GROUP
// and the DEFAULT expression of row assignments are not part of the grammar yet.
parser grammar ChalkSqlParser;

options {
  tokenVocab = ChalkSqlLexer;
  superClass = ChalkSqlParserBase;
}

@parser::postinclude {
#include "sql/grammar/chalk_sql_parser_base.h"
}

@parser::members {
  // gram.y's %nonassoc levels: an operator of level 1 (comparisons), 2 (LIKE, SIMILAR,
  // BETWEEN; IN as the second operator) or 3 (IS DISTINCT FROM; IS tests as the second
  // operator) may not have a binary operator of the same level as its left operand
  // (a < b < c). Called before the second operator is read, so it is the error token, as in
  // PostgreSQL.
  void checkNonAssociative(int level);
  static int binaryOperatorLevel(antlr4::tree::ParseTree* tree);
  // PostgreSQL 15 requires an alias for a subquery in FROM, and says so as soon as the
  // subquery's FROM item ends.
  static void checkSubqueryAlias(antlr4::ParserRuleContext* subselectTable);
}

@parser::definitions {
void ChalkSqlParser::checkNonAssociative(int level) {
  if (binaryOperatorLevel(_ctx->children.empty() ? nullptr : _ctx->children.front()) == level) {
    throw chalkdb::GrammarError::unexpectedToken(_input->LT(1));
  }
}

int ChalkSqlParser::binaryOperatorLevel(antlr4::tree::ParseTree* tree) {
  if (dynamic_cast<ComparisonExprContext*>(tree) || dynamic_cast<ComparisonBExprContext*>(tree)) return 1;
  if (dynamic_cast<LikeExprContext*>(tree) || dynamic_cast<LikeEscapeExprContext*>(tree) ||
      dynamic_cast<SimilarExprContext*>(tree) || dynamic_cast<SimilarEscapeExprContext*>(tree) ||
      dynamic_cast<BetweenExprContext*>(tree) || dynamic_cast<BetweenAsymmetricExprContext*>(tree)) {
    return 2;
  }
  if (dynamic_cast<IsDistinctExprContext*>(tree) || dynamic_cast<IsDistinctBExprContext*>(tree)) return 3;
  return 0;
}

void ChalkSqlParser::checkSubqueryAlias(antlr4::ParserRuleContext* subselectTable) {
  auto* table = static_cast<SubselectTableContext*>(subselectTable);
  if (table->aliasClause() == nullptr) throw chalkdb::GrammarError::subqueryWithoutAlias(table->selectWithParens());
}
}

stmtBlock: stmt? (SEMI stmt?)* EOF;

stmt
  : selectStmt
  | insertStmt
  | updateStmt
  | deleteStmt
  | createTableStmt
  | createTableAsStmt
  | createViewStmt
  | dropTableStmt
  | createSchemaStmt
  | dropSchemaStmt
  | alterSchemaStmt
  | truncateStmt
  | createSequenceStmt
  | createIndexStmt
  | dropIndexStmt
  | reindexStmt
  | alterTableStmt
  | transactionStmt
  | explainStmt
  | setStmt
  | resetStmt
  | showStmt
  | copyStmt
  | prepareStmt
  | executeStmt
  | deallocateStmt
  ;

// ---- SELECT ----------------------------------------------------------------------------------

selectStmt
  @init { checkStackDepth(); }
  : withClause? selectClause sortClause? (selectLimit lockingClause* | lockingClause+ selectLimit?)?
  ;

withClause: WITH RECURSIVE? commonTableExpr (COMMA commonTableExpr)*;
commonTableExpr: colId (LPAREN nameList RPAREN)? AS (NOT? MATERIALIZED)? selectWithParens;

selectClause: selectIntersect (setOperator selectIntersect)*;
setOperator: (UNION | EXCEPT) setQuantifier?;
selectIntersect: selectPrimary (intersectOperator selectPrimary)*;
intersectOperator: INTERSECT setQuantifier?;
setQuantifier: ALL | DISTINCT;

selectPrimary
  : simpleSelect
  | valuesClause
  | TABLE qualifiedName
  | selectWithParens
  ;

selectWithParens: LPAREN selectStmt RPAREN;

simpleSelect
  : SELECT (ALL? targetList? | distinctClause targetList) intoClause?
    fromClause? whereClause? groupClause? havingClause? windowClause?
  ;
// SELECT ... INTO t: CREATE TABLE t AS the statement (only in a top-level SELECT).
intoClause: INTO tempSpec? TABLE? qualifiedName;

distinctClause: DISTINCT (ON LPAREN exprList RPAREN)?;

targetList: targetElement (COMMA targetElement)*;
targetElement
  : STAR
  | aExpr (AS colLabel | bareColLabel)?
  ;

fromClause: FROM fromList;
fromList: tableRef (COMMA tableRef)*;
whereClause: WHERE aExpr;
groupClause: GROUP BY setQuantifier? groupByItem (COMMA groupByItem)*;
groupByItem
  : LPAREN RPAREN                                                      # emptyGroupingSet
  | ROLLUP LPAREN exprList RPAREN                                      # rollupClause
  | CUBE LPAREN exprList RPAREN                                        # cubeClause
  | GROUPING SETS LPAREN groupByItem (COMMA groupByItem)* RPAREN       # groupingSetsClause
  | aExpr                                                              # plainGroupItem
  ;
havingClause: HAVING aExpr;

// WINDOW w AS (...), and the window of an OVER clause (gram.y's window_specification).
windowClause: WINDOW windowDefinition (COMMA windowDefinition)*;
windowDefinition: colId AS windowSpecification;
windowSpecification
  : LPAREN existingWindowName=colId? partitionClause? sortClause? frameClause? RPAREN
  ;
partitionClause: PARTITION BY exprList;
frameClause
  : frameMode=(RANGE | ROWS | GROUPS) (frameBound | BETWEEN frameBound AND frameBound)
    windowExclusionClause?
  ;
frameBound
  : UNBOUNDED direction=(PRECEDING | FOLLOWING)
  | CURRENT_P ROW
  | aExpr direction=(PRECEDING | FOLLOWING)
  ;
windowExclusionClause: EXCLUDE (CURRENT_P ROW | GROUP | TIES | NO OTHERS);

valuesClause: VALUES valuesRow (COMMA valuesRow)*;
valuesRow: LPAREN valuesItem (COMMA valuesItem)* RPAREN;
valuesItem: DEFAULT | aExpr;

sortClause: ORDER BY sortBy (COMMA sortBy)*;
sortBy: aExpr (ASC | DESC)? (NULLS_LA (FIRST | LAST))?;

selectLimit
  : limitClause offsetClause?
  | offsetClause limitClause?
  ;
limitClause
  : LIMIT (aExpr | ALL) (COMMA aExpr)?
  | FETCH (FIRST | NEXT) fetchCount? (ROW | ROWS) (ONLY | WITH TIES)
  ;
fetchCount: cExpr | (PLUS | MINUS) (ICONST | FCONST);
offsetClause
  : OFFSET aExpr
  | OFFSET fetchCount (ROW | ROWS)
  ;

lockingClause: FOR lockStrength (OF qualifiedName (COMMA qualifiedName)*)? (NOWAIT | SKIP_P LOCKED)?;
lockStrength: UPDATE | NO KEY UPDATE | SHARE | KEY SHARE;

// ---- FROM items ------------------------------------------------------------------------------

// Joins associate to the left; the right side of a qualified join may itself be a join that
// needs its own ON/USING first (a JOIN b JOIN c ON x ON y), as in gram.y.
tableRef
  @init { checkStackDepth(); }
  : tablePrimary joinTail*
  ;

joinTail
  : CROSS JOIN tablePrimary                       # crossJoin
  | NATURAL joinType? JOIN tablePrimary           # naturalJoin
  | joinType? JOIN tableRef joinQual              # qualifiedJoin
  ;
joinType: (FULL | LEFT | RIGHT) OUTER? | INNER;
joinQual
  : USING LPAREN nameList RPAREN
  | ON aExpr
  ;

tablePrimary
  @init { checkStackDepth(); }
  : qualifiedName aliasClause?                    # relationTable
  | LATERAL? funcApplication (WITH ORDINALITY)? aliasClause?  # functionTable
  | LATERAL? selectWithParens aliasClause? {checkSubqueryAlias(_localctx);}  # subselectTable
  | LPAREN joinedTable RPAREN aliasClause?        # parenthesizedJoin
  ;
joinedTable
  : tablePrimary joinTail+
  | LPAREN joinedTable RPAREN
  ;

aliasClause: AS? colId (LPAREN nameList RPAREN)?;

// ---- INSERT / UPDATE / DELETE ----------------------------------------------------------------

insertStmt
  : INSERT INTO qualifiedName (AS colId)? (LPAREN insertColumn (COMMA insertColumn)* RPAREN)?
    overridingClause? (selectStmt | DEFAULT VALUES) onConflictClause? returningClause?
  ;
insertColumn: colId;
overridingClause: OVERRIDING (USER | SYSTEM_P) VALUE_P;
onConflictClause
  : ON CONFLICT conflictTarget? DO (NOTHING | UPDATE SET setClause (COMMA setClause)* whereClause?)
  ;
conflictTarget
  : LPAREN indexElem (COMMA indexElem)* RPAREN whereClause?
  | ON CONSTRAINT colId
  ;

updateStmt
  : UPDATE qualifiedName (AS? colId)? SET setClause (COMMA setClause)*
    fromClause? whereClause? returningClause?
  ;
setClause: colId EQ (DEFAULT | aExpr);

deleteStmt
  : DELETE FROM qualifiedName (AS? colId)? (USING fromList)? whereClause? returningClause?
  ;

returningClause: RETURNING targetList;

// ---- CREATE TABLE / DROP TABLE ---------------------------------------------------------------

createTableStmt
  : CREATE tempSpec? TABLE (IF NOT EXISTS)? qualifiedName
    LPAREN (tableElement (COMMA tableElement)*)? RPAREN (USING colId)? storageParameters?
    onCommitOption?
  ;
// CREATE TABLE ... AS query (gram.y's CreateAsStmt).
createTableAsStmt
  : CREATE tempSpec? TABLE (IF NOT EXISTS)? qualifiedName (LPAREN nameList RPAREN)?
    onCommitOption? AS selectStmt (WITH NO? DATA_P)?
  ;
// CREATE [OR REPLACE] VIEW (gram.y's ViewStmt).
createViewStmt
  : CREATE (OR REPLACE)? tempSpec? VIEW qualifiedName (LPAREN nameList RPAREN)? AS selectStmt
    (WITH (CASCADED | LOCAL)? CHECK OPTION)?
  ;
storageParameters: WITH LPAREN storageParameter (COMMA storageParameter)* RPAREN;
storageParameter: colLabel (DOT colLabel)? (EQ (booleanOrString | numericOnly))?;
tempSpec: TEMPORARY | TEMP | LOCAL (TEMPORARY | TEMP);
onCommitOption: ON COMMIT (DROP | DELETE ROWS | PRESERVE ROWS);

tableElement
  : tableConstraint
  | columnDef
  ;

columnDef: colId typeName columnConstraint*;

columnConstraint: (CONSTRAINT colId)? columnConstraintElem;
columnConstraintElem
  : NOT NULL_P                                    # notNullConstraint
  | NULL_P                                        # nullConstraint
  | UNIQUE                                        # uniqueColumnConstraint
  | PRIMARY KEY                                   # primaryKeyColumnConstraint
  | CHECK LPAREN aExpr RPAREN                     # checkColumnConstraint
  | DEFAULT bExpr                                 # defaultConstraint
  | identitySpec                                  # identityConstraint
  | referencesClause                              # referencesColumnConstraint
  ;

tableConstraint: (CONSTRAINT colId)? tableConstraintElem;
tableConstraintElem
  : CHECK LPAREN aExpr RPAREN                                   # checkTableConstraint
  | UNIQUE LPAREN nameList RPAREN                               # uniqueTableConstraint
  | PRIMARY KEY LPAREN nameList RPAREN                          # primaryKeyTableConstraint
  | FOREIGN KEY LPAREN nameList RPAREN referencesClause         # foreignKeyTableConstraint
  ;

identitySpec: GENERATED (ALWAYS | BY DEFAULT) AS IDENTITY_P (LPAREN sequenceOption* RPAREN)?;

referencesClause
  : REFERENCES qualifiedName (LPAREN nameList RPAREN)? (MATCH (FULL | PARTIAL | SIMPLE))?
    referentialTrigger*
  ;
referentialTrigger: ON (UPDATE | DELETE) referentialAction;
referentialAction: NO ACTION | RESTRICT | CASCADE | SET NULL_P | SET DEFAULT;

dropTableStmt
  : DROP (TABLE | SEQUENCE | VIEW) (IF EXISTS)? qualifiedName (COMMA qualifiedName)* (CASCADE | RESTRICT)?
  ;

// ---- Schemas ---------------------------------------------------------------------------------

createSchemaStmt
  : CREATE SCHEMA (IF NOT EXISTS)? (colId (AUTHORIZATION roleSpec)? | AUTHORIZATION roleSpec)
  ;
roleSpec: nonReservedWord | CURRENT_ROLE | CURRENT_USER | SESSION_USER;
dropSchemaStmt: DROP SCHEMA (IF EXISTS)? colId (COMMA colId)* (CASCADE | RESTRICT)?;
alterSchemaStmt: ALTER SCHEMA colId RENAME TO colId;

truncateStmt
  : TRUNCATE TABLE? qualifiedName (COMMA qualifiedName)* ((RESTART | CONTINUE_P) IDENTITY_P)?
    (CASCADE | RESTRICT)?
  ;

// ---- CREATE SEQUENCE -------------------------------------------------------------------------

createSequenceStmt: CREATE tempSpec? SEQUENCE (IF NOT EXISTS)? qualifiedName sequenceOption*;
sequenceOption
  : AS typeName                                   # sequenceType
  | START WITH? numericOnly                       # sequenceStart
  | INCREMENT BY? numericOnly                     # sequenceIncrement
  | MINVALUE numericOnly                          # sequenceMinValue
  | NO MINVALUE                                   # sequenceNoMinValue
  | MAXVALUE numericOnly                          # sequenceMaxValue
  | NO MAXVALUE                                   # sequenceNoMaxValue
  | CACHE numericOnly                             # sequenceCache
  | NO? CYCLE                                     # sequenceCycle
  ;

// ---- Indexes ---------------------------------------------------------------------------------

createIndexStmt
  : CREATE UNIQUE? INDEX CONCURRENTLY? (IF NOT EXISTS)? colId? ON ONLY? qualifiedName
    (USING colId)? LPAREN indexElem (COMMA indexElem)* RPAREN
    (INCLUDE LPAREN nameList RPAREN)? storageParameters? whereClause?
  ;
indexElem: indexElemTarget (ASC | DESC)? (NULLS_LA (FIRST | LAST))?;
indexElemTarget: colId | funcApplication | LPAREN aExpr RPAREN;

dropIndexStmt
  : DROP INDEX CONCURRENTLY? (IF EXISTS)? qualifiedName (COMMA qualifiedName)* (CASCADE | RESTRICT)?
  ;

reindexStmt: REINDEX (INDEX | TABLE) CONCURRENTLY? qualifiedName;

// ---- ALTER TABLE -----------------------------------------------------------------------------

alterTableStmt
  : ALTER (TABLE | VIEW) (IF EXISTS)? ONLY? qualifiedName (alterTableCmd (COMMA alterTableCmd)* | renameClause)
  ;
alterTableCmd
  : ADD_P tableConstraint                                       # addTableConstraint
  | ADD_P COLUMN? (IF NOT EXISTS)? columnDef                    # addColumn
  | DROP CONSTRAINT (IF EXISTS)? colId (CASCADE | RESTRICT)?    # dropTableConstraint
  | DROP COLUMN? (IF EXISTS)? colId (CASCADE | RESTRICT)?       # dropColumn
  | ALTER COLUMN? colId (SET DATA_P)? TYPE_P typeName (USING aExpr)?  # alterColumnType
  | ALTER COLUMN? colId SET DEFAULT aExpr                       # alterColumnSetDefault
  | ALTER COLUMN? colId DROP DEFAULT                            # alterColumnDropDefault
  | ALTER COLUMN? colId SET NOT NULL_P                          # alterColumnSetNotNull
  | ALTER COLUMN? colId DROP NOT NULL_P                         # alterColumnDropNotNull
  | ALTER COLUMN? colId ADD_P identitySpec                      # alterColumnAddIdentity
  | ALTER COLUMN? colId DROP IDENTITY_P (IF EXISTS)?            # alterColumnDropIdentity
  | ALTER COLUMN? colId RESTART (WITH? numericOnly)?            # alterColumnRestart
  ;
// ALTER TABLE ... RENAME (gram.y's RenameStmt): a statement of its own, not a list item.
renameClause: RENAME TO colId | RENAME COLUMN? colId TO colId;

// ---- Transactions ----------------------------------------------------------------------------

transactionStmt
  : BEGIN (WORK | TRANSACTION)? transactionModeList?      # beginStmt
  | START TRANSACTION transactionModeList?                # startStmt
  | (COMMIT | END) (WORK | TRANSACTION)?                  # commitStmt
  | (ROLLBACK | ABORT) (WORK | TRANSACTION)?              # rollbackStmt
  ;
transactionModeList: transactionMode (COMMA? transactionMode)*;
transactionMode
  : ISOLATION LEVEL isolationLevel                        # isolationMode
  | READ ONLY                                             # readOnlyMode
  | READ WRITE                                            # readWriteMode
  | NOT? DEFERRABLE                                       # deferrableMode
  ;
isolationLevel: READ UNCOMMITTED | READ COMMITTED | REPEATABLE READ | SERIALIZABLE;

// ---- COPY ------------------------------------------------------------------------------------

copyStmt
  : COPY BINARY? qualifiedName (LPAREN nameList RPAREN)? (FROM | TO) PROGRAM? copyFileName
    copyDelimiter? WITH? copyOptions whereClause?
  | COPY selectWithParens TO PROGRAM? copyFileName WITH? copyOptions
  ;
copyFileName: sconst | STDIN | STDOUT;
copyDelimiter: USING? DELIMITERS sconst;
copyOptions
  : LPAREN copyGenericOption (COMMA copyGenericOption)* RPAREN
  | copyLegacyOption*
  ;
copyGenericOption: colLabel copyGenericArgument?;
copyGenericArgument: booleanOrString | numericOnly | STAR | LPAREN colLabel (COMMA colLabel)* RPAREN;
copyLegacyOption
  : BINARY                                              # copyLegacyBinary
  | FREEZE                                              # copyLegacyFreeze
  | DELIMITER AS? sconst                                # copyLegacyDelimiter
  | NULL_P AS? sconst                                   # copyLegacyNull
  | CSV                                                 # copyLegacyCsv
  | HEADER_P                                            # copyLegacyHeader
  | QUOTE AS? sconst                                    # copyLegacyQuote
  | ESCAPE AS? sconst                                   # copyLegacyEscape
  | FORCE QUOTE (nameList | STAR)                       # copyLegacyForceQuote
  | FORCE NOT NULL_P nameList                           # copyLegacyForceNotNull
  | ENCODING sconst                                     # copyLegacyEncoding
  ;

// ---- PREPARE / EXECUTE / DEALLOCATE ----------------------------------------------------------

prepareStmt: PREPARE colId (LPAREN typeName (COMMA typeName)* RPAREN)? AS preparableStmt;
preparableStmt: selectStmt | insertStmt | updateStmt | deleteStmt;
executeStmt: EXECUTE colId (LPAREN exprList RPAREN)?;
deallocateStmt: DEALLOCATE PREPARE? (colId | ALL);

// ---- EXPLAIN ---------------------------------------------------------------------------------

explainStmt
  : EXPLAIN LPAREN explainOption (COMMA explainOption)* RPAREN explainableStmt
  | EXPLAIN analyzeKeyword? VERBOSE? explainableStmt
  ;
analyzeKeyword: ANALYZE | ANALYSE;
explainOption: (nonReservedWord | analyzeKeyword) explainOptionValue?;
explainOptionValue: booleanOrString | numericOnly;
explainableStmt: selectStmt | insertStmt | updateStmt | deleteStmt | executeStmt;

// ---- SET / RESET / SHOW ----------------------------------------------------------------------

setStmt: SET (SESSION | LOCAL)? setRest;
setRest
  : TRANSACTION transactionModeList                                  # setTransaction
  | SESSION CHARACTERISTICS AS TRANSACTION transactionModeList       # setSessionCharacteristics
  | TIME ZONE zoneValue                                              # setTimeZone
  | NAMES (sconst | DEFAULT)?                                        # setNames
  | SCHEMA sconst                                                    # setSchema
  | varName (TO | EQ) (DEFAULT | varValue (COMMA varValue)*)         # setVariable
  ;
zoneValue: sconst | IDENT | numericOnly | DEFAULT | LOCAL;
varValue: booleanOrString | numericOnly;
booleanOrString: TRUE_P | FALSE_P | ON | nonReservedWord | sconst;
numericOnly: (PLUS | MINUS)? (ICONST | FCONST);
varName: colId (DOT colId)*;

resetStmt: RESET (ALL | TIME ZONE | TRANSACTION ISOLATION LEVEL | varName);
showStmt: SHOW (ALL | TIME ZONE | TRANSACTION ISOLATION LEVEL | varName);

// ---- Expressions -----------------------------------------------------------------------------

// Alternatives from the highest precedence to the lowest.
aExpr
  @init { checkStackDepth(); }
  : cExpr                                                              # primaryExpr
  | aExpr TYPECAST typeName                                            # typecastExpr
  | <assoc=right> (PLUS | MINUS) aExpr                                 # unarySignExpr
  | aExpr COLLATE anyName                                              # collateExpr
  | aExpr AT TIME ZONE aExpr                                           # atTimeZoneExpr
  | aExpr CARET aExpr                                                  # powerExpr
  | aExpr (STAR | SLASH | PERCENT) aExpr                               # multiplicativeExpr
  | aExpr (PLUS | MINUS) aExpr                                         # additiveExpr
  | aExpr qualOp aExpr                                                 # otherOpExpr
  | qualOp aExpr                                                       # prefixOpExpr
  | aExpr subqueryOp subType (selectWithParens | LPAREN aExpr RPAREN)  # quantifiedExpr
  | aExpr {checkNonAssociative(2);} NOT_LA? (LIKE | ILIKE) aExpr ESCAPE aExpr                   # likeEscapeExpr
  | aExpr {checkNonAssociative(2);} NOT_LA? (LIKE | ILIKE) aExpr                                # likeExpr
  | aExpr {checkNonAssociative(2);} NOT_LA? SIMILAR TO aExpr ESCAPE aExpr                       # similarEscapeExpr
  | aExpr {checkNonAssociative(2);} NOT_LA? SIMILAR TO aExpr                                    # similarExpr
  | aExpr {checkNonAssociative(2);} NOT_LA? BETWEEN SYMMETRIC? bExpr AND aExpr                  # betweenExpr
  | aExpr {checkNonAssociative(2);} NOT_LA? BETWEEN ASYMMETRIC bExpr AND aExpr                  # betweenAsymmetricExpr
  | aExpr {checkNonAssociative(2);} NOT_LA? IN (selectWithParens | LPAREN exprList RPAREN)      # inExpr
  | aExpr {checkNonAssociative(1);} comparisonOp aExpr                                          # comparisonExpr
  | aExpr {checkNonAssociative(3);} IS NOT? (NULL_P | TRUE_P | FALSE_P | UNKNOWN)               # isExpr
  | aExpr {checkNonAssociative(3);} IS NOT? DISTINCT FROM aExpr                                 # isDistinctExpr
  | aExpr {checkNonAssociative(3);} (ISNULL | NOTNULL)                                        # nullTestExpr
  | <assoc=right> NOT aExpr                                            # notExpr
  | aExpr AND aExpr                                                    # andExpr
  | aExpr OR aExpr                                                     # orExpr
  ;

// The restricted expression of gram.y: no boolean connectives, IS tests or LIKE/IN/BETWEEN,
// so it can precede AND (BETWEEN's lower bound) or a NOT NULL (a column DEFAULT).
bExpr
  @init { checkStackDepth(); }
  : cExpr                                                              # primaryBExpr
  | bExpr TYPECAST typeName                                            # typecastBExpr
  | <assoc=right> (PLUS | MINUS) bExpr                                 # unarySignBExpr
  | bExpr CARET bExpr                                                  # powerBExpr
  | bExpr (STAR | SLASH | PERCENT) bExpr                               # multiplicativeBExpr
  | bExpr (PLUS | MINUS) bExpr                                         # additiveBExpr
  | bExpr qualOp bExpr                                                 # otherOpBExpr
  | qualOp bExpr                                                       # prefixOpBExpr
  | bExpr {checkNonAssociative(1);} comparisonOp bExpr                                        # comparisonBExpr
  | bExpr {checkNonAssociative(3);} IS NOT? DISTINCT FROM bExpr                               # isDistinctBExpr
  ;

cExpr
  @init { checkStackDepth(); }
  : columnRef                                                          # columnRefExpr
  | PARAM subscript*                                                   # paramExpr
  | LPAREN aExpr RPAREN subscript*                                     # parenExpr
  | constant                                                           # constantExpr
  | caseExpr                                                           # caseExprAlt
  | funcExpr                                                           # funcExprAlt
  | selectWithParens subscript*                                        # scalarSubqueryExpr
  | EXISTS selectWithParens                                            # existsExpr
  | ARRAY selectWithParens                                             # arraySubqueryExpr
  | ARRAY arrayLiteral                                                 # arrayExpr
  | ROW LPAREN exprList? RPAREN                                        # explicitRowExpr
  | LPAREN aExpr (COMMA aExpr)+ RPAREN                                 # implicitRowExpr
  ;

columnRef: colId (DOT colLabel)* (DOT STAR | subscript+)?;

subscript
  : LBRACKET aExpr RBRACKET                                            # indexSubscript
  | LBRACKET lower=aExpr? COLON upper=aExpr? RBRACKET                  # sliceSubscript
  ;

arrayLiteral
  @init { checkStackDepth(); }
  : LBRACKET RBRACKET
  | LBRACKET aExpr (COMMA aExpr)* RBRACKET
  | LBRACKET arrayLiteral (COMMA arrayLiteral)* RBRACKET
  ;

constant
  : ICONST                                                             # integerConstant
  | FCONST                                                             # numericConstant
  | sconst                                                             # stringConstant
  | (TRUE_P | FALSE_P)                                                 # booleanConstant
  | NULL_P                                                             # nullConstant
  | funcName sconst                                                    # genericTypedConstant
  | constTypeName sconst                                               # keywordTypedConstant
  ;

sconst: STRING | ESCAPE_STRING | DOLLAR_STRING;

caseExpr: CASE arg=aExpr? caseWhen+ (ELSE aExpr)? END;
caseWhen: WHEN aExpr THEN aExpr;

funcExpr
  : funcApplication filterClause? overClause?
  | specialFunction
  ;

funcApplication
  : funcName LPAREN STAR RPAREN                                        # starCall
  | funcName LPAREN (setQuantifier? funcArgList sortClause?)? RPAREN   # argumentCall
  ;
funcArgList: aExpr (COMMA aExpr)*;
filterClause: FILTER LPAREN WHERE aExpr RPAREN;
overClause: OVER (windowSpecification | colId);

// SQL-standard functions with their own syntax, rewritten as gram.y rewrites them.
specialFunction
  : CAST LPAREN aExpr AS typeName RPAREN                               # castFunction
  | EXTRACT LPAREN extractField FROM aExpr RPAREN                      # extractFunction
  | POSITION LPAREN bExpr IN bExpr RPAREN                              # positionFunction
  | SUBSTRING LPAREN aExpr substringFrom substringFor? RPAREN          # substringFromFunction
  | SUBSTRING LPAREN aExpr substringFor substringFrom? RPAREN          # substringForFunction
  | SUBSTRING LPAREN aExpr SIMILAR aExpr ESCAPE aExpr RPAREN           # substringSimilarFunction
  | SUBSTRING LPAREN funcArgList? RPAREN                               # substringPlainFunction
  | TRIM LPAREN trimSide=(BOTH | LEADING | TRAILING)? trimArguments RPAREN  # trimFunction
  | name=(COALESCE | GREATEST | LEAST) LPAREN exprList RPAREN          # listFunction
  | NULLIF LPAREN aExpr COMMA aExpr RPAREN                             # nullifFunction
  | GROUPING LPAREN exprList RPAREN                                    # groupingFunction
  | name=(CURRENT_DATE | CURRENT_ROLE | CURRENT_USER | SESSION_USER | USER
          | CURRENT_CATALOG | CURRENT_SCHEMA)                          # sqlValueFunction
  | name=(CURRENT_TIME | CURRENT_TIMESTAMP | LOCALTIME | LOCALTIMESTAMP)
    (LPAREN ICONST RPAREN)?                                           # sqlTimeFunction
  ;
extractField: IDENT | YEAR | MONTH | DAY | HOUR | MINUTE | SECOND | sconst;
substringFrom: FROM aExpr;
substringFor: FOR aExpr;
trimArguments
  : trimmed=aExpr FROM exprList
  | FROM exprList
  | exprList
  ;

exprList: aExpr (COMMA aExpr)*;

// ---- Operators -------------------------------------------------------------------------------

qualOp: OP | OPERATOR LPAREN anyOperator RPAREN;
anyOperator: (colId DOT)* allOp;
allOp: OP | mathOp;
mathOp
  : PLUS | MINUS | STAR | SLASH | PERCENT | CARET | LT | GT | EQ
  | LESS_EQUALS | GREATER_EQUALS | NOT_EQUALS
  ;
comparisonOp: LT | GT | EQ | LESS_EQUALS | GREATER_EQUALS | NOT_EQUALS;
subqueryOp: allOp | OPERATOR LPAREN anyOperator RPAREN | NOT_LA? (LIKE | ILIKE);
subType: ANY | SOME | ALL;

// ---- Types -----------------------------------------------------------------------------------

typeName: simpleTypeName arrayBounds?;
arrayBounds
  : (LBRACKET ICONST? RBRACKET)+
  | ARRAY (LBRACKET ICONST RBRACKET)?
  ;

simpleTypeName
  : constTypeName
  | INTERVAL (LPAREN ICONST RPAREN)?
  | genericType
  ;

// The type names that may also prefix a string literal (TIMESTAMP '2024-01-01 10:00').
constTypeName
  : numericType
  | characterType
  | bitType
  | datetimeType
  | INTERVAL
  ;

genericType: typeFunctionName (DOT colLabel)* typeModifiers?;
typeModifiers: LPAREN typeModifier (COMMA typeModifier)* RPAREN;
typeModifier: MINUS? ICONST;

numericType
  : INT | INTEGER | SMALLINT | BIGINT | REAL | BOOLEAN
  | FLOAT (LPAREN ICONST RPAREN)?
  | DOUBLE PRECISION
  | (DECIMAL | DEC | NUMERIC) typeModifiers?
  ;
characterType
  : (CHARACTER | CHAR) VARYING? (LPAREN ICONST RPAREN)?
  | VARCHAR (LPAREN ICONST RPAREN)?
  ;
bitType: BIT VARYING? (LPAREN ICONST RPAREN)?;
datetimeType: (TIMESTAMP | TIME) (LPAREN ICONST RPAREN)? ((WITH | WITHOUT) TIME ZONE)?;

// ---- Names -----------------------------------------------------------------------------------

qualifiedName: colId (DOT colLabel)*;
anyName: colId (DOT colLabel)*;
funcName
  : typeFunctionName
  | colId (DOT colLabel)+
  ;
nameList: colId (COMMA colId)*;

colId: IDENT | QUOTED_IDENT | unreservedKeyword | colNameKeyword;
typeFunctionName: IDENT | QUOTED_IDENT | unreservedKeyword | typeFuncNameKeyword;
nonReservedWord: IDENT | QUOTED_IDENT | unreservedKeyword | colNameKeyword | typeFuncNameKeyword;
colLabel
  : IDENT | QUOTED_IDENT | unreservedKeyword | colNameKeyword | typeFuncNameKeyword
  | reservedKeyword
  ;
bareColLabel: IDENT | QUOTED_IDENT | bareLabelKeyword;

// ---- Keyword categories (PostgreSQL's pg_get_keywords()) --------------------------------------

reservedKeyword
  :
    ALL | ANALYSE | ANALYZE | AND | ANY | ARRAY | AS | ASC | ASYMMETRIC | BOTH | CASE | CAST |
    CHECK | COLLATE | COLUMN | CONSTRAINT | CREATE | CURRENT_CATALOG | CURRENT_DATE |
    CURRENT_ROLE | CURRENT_TIME | CURRENT_TIMESTAMP | CURRENT_USER | DEFAULT | DEFERRABLE |
    DESC | DISTINCT | DO | ELSE | END | EXCEPT | FALSE_P | FETCH | FOR | FOREIGN | FROM |
    GRANT | GROUP | HAVING | IN | INITIALLY | INTERSECT | INTO | LATERAL | LEADING | LIMIT |
    LOCALTIME | LOCALTIMESTAMP | NOT | NULL_P | OFFSET | ON | ONLY | OR | ORDER | PLACING |
    PRIMARY | REFERENCES | RETURNING | SELECT | SESSION_USER | SOME | SYMMETRIC | TABLE |
    THEN | TO | TRAILING | TRUE_P | UNION | UNIQUE | USER | USING | VARIADIC | WHEN | WHERE |
    WINDOW | WITH
  ;

typeFuncNameKeyword
  :
    AUTHORIZATION | BINARY | COLLATION | CONCURRENTLY | CROSS | CURRENT_SCHEMA | FREEZE |
    FULL | ILIKE | INNER | IS | ISNULL | JOIN | LEFT | LIKE | NATURAL | NOTNULL | OUTER |
    OVERLAPS | RIGHT | SIMILAR | TABLESAMPLE | VERBOSE
  ;

colNameKeyword
  :
    BETWEEN | BIGINT | BIT | BOOLEAN | CHAR | CHARACTER | COALESCE | DEC | DECIMAL | EXISTS |
    EXTRACT | FLOAT | GREATEST | GROUPING | INT | INTEGER | INTERVAL | LEAST | NULLIF | NUMERIC |
    POSITION | PRECISION | REAL | ROW | SMALLINT | SUBSTRING | TIME | TIMESTAMP | TRIM |
    VALUES | VARCHAR
  ;

unreservedKeyword
  :
    ABORT | ACTION | ADD_P | ALTER | ALWAYS | AT | BEGIN | BY | CACHE | CASCADE | CASCADED |
    CHAIN | CHARACTERISTICS |
    COMMIT | COMMITTED | CONFLICT | CONTINUE_P | COPY | CSV | CUBE | CURRENT_P | CYCLE | DATA_P | DAY |
    DEALLOCATE | DEFERRED | DELETE | DELIMITER | DELIMITERS | DOUBLE | DROP | ENCODING | ESCAPE |
    EXCLUDE | EXECUTE | EXPLAIN | FILTER | FIRST | FOLLOWING | FORCE | GENERATED | GROUPS | HEADER_P | HOUR |
    IDENTITY_P | IF | IMMEDIATE | INCLUDE | INCREMENT | INDEX | INSERT | ISOLATION | KEY | LAST |
    LEVEL | LOCAL | LOCKED | MATCH | MATERIALIZED | MAXVALUE | MINUTE | MINVALUE | MONTH | NAMES |
    NEXT | NO | NOTHING | NOWAIT | NULLS | OF | OFF | OPERATOR | OPTION | ORDINALITY | OTHERS |
    OVER | OVERRIDING | PARTIAL | PARTITION | PRECEDING | PREPARE | PRESERVE | PROGRAM | QUOTE |
    RANGE | READ | RECURSIVE | REINDEX | RENAME | REPEATABLE | REPLACE | RESET | RESTART |
    RESTRICT | ROLLBACK | ROLLUP | ROWS | SCHEMA | SECOND | SEQUENCE | SERIALIZABLE | SESSION |
    SET | SETS | SHARE | SHOW | SIMPLE | SKIP_P | START | STDIN | STDOUT | SYSTEM_P | TEMP |
    TEMPORARY | TIES | TRANSACTION | TRUNCATE | TYPE_P | UNBOUNDED | UNCOMMITTED | UNKNOWN |
    UPDATE | VALUE_P | VARYING | VIEW | WITHIN | WITHOUT | WORK | WRITE | YEAR | ZONE
  ;

bareLabelKeyword
  :
    ABORT | ACTION | ADD_P | ALL | ALTER | ALWAYS | ANALYSE | ANALYZE | AND | ANY | ASC | ASYMMETRIC | AT |
    AUTHORIZATION | BEGIN | BETWEEN | BIGINT | BINARY | BIT | BOOLEAN | BOTH | BY | CACHE |
    CASCADE | CASCADED | CASE | CAST | CHAIN | CHARACTERISTICS | CHECK | COALESCE | COLLATE | COLLATION |
    COLUMN | COMMIT | COMMITTED | CONCURRENTLY | CONFLICT | CONSTRAINT | CONTINUE_P | COPY |
    CROSS | CSV | CUBE | CURRENT_CATALOG | CURRENT_DATE | CURRENT_P | CURRENT_ROLE |
    CURRENT_SCHEMA | CURRENT_TIME | CURRENT_TIMESTAMP | CURRENT_USER | CYCLE | DATA_P | DEALLOCATE | DEC |
    DECIMAL | DEFAULT | DEFERRABLE | DEFERRED | DELETE | DELIMITER | DELIMITERS | DESC | DISTINCT |
    DO | DOUBLE | DROP | ELSE | ENCODING | END | ESCAPE | EXCLUDE | EXECUTE | EXISTS | EXPLAIN |
    EXTRACT | FALSE_P | FIRST | FLOAT | FOLLOWING | FORCE | FOREIGN | FREEZE | FULL | GENERATED | GREATEST |
    GROUPING | GROUPS | HEADER_P | IDENTITY_P | IF | ILIKE | IMMEDIATE | IN | INCLUDE | INCREMENT |
    INDEX | INITIALLY | INNER | INSERT | INT | INTEGER | INTERVAL | IS | ISOLATION | JOIN | KEY |
    LAST | LATERAL | LEADING | LEAST | LEFT | LEVEL | LIKE | LOCAL | LOCALTIME | LOCALTIMESTAMP |
    LOCKED | MATCH | MATERIALIZED | MAXVALUE | MINVALUE | NAMES | NATURAL | NEXT | NO | NOT |
    NOTHING | NOWAIT | NULLIF | NULLS | NULL_P | NUMERIC | OF | OFF | ONLY | OPERATOR | OPTION |
    OR | ORDINALITY | OTHERS | OUTER | OVERRIDING | PARTIAL | PARTITION | PLACING | POSITION |
    PRECEDING | PREPARE | PRESERVE |
    PRIMARY | PROGRAM | QUOTE | RANGE | READ | REAL | RECURSIVE | REFERENCES | REINDEX | RENAME |
    REPEATABLE | REPLACE | RESET | RESTART | RESTRICT | RIGHT | ROLLBACK | ROLLUP | ROW | ROWS | SCHEMA |
    SELECT | SEQUENCE | SERIALIZABLE | SESSION | SESSION_USER | SET | SETS | SHARE | SHOW |
    SIMILAR | SIMPLE | SKIP_P | SMALLINT | SOME | START | STDIN | STDOUT | SUBSTRING | SYMMETRIC | SYSTEM_P |
    TABLE | TABLESAMPLE | TEMP | TEMPORARY | THEN | TIES | TIME | TIMESTAMP | TRAILING |
    TRANSACTION | TRIM | TRUE_P | TRUNCATE | TYPE_P | UNBOUNDED | UNCOMMITTED | UNIQUE | UNKNOWN | UPDATE |
    USER | USING | VALUES | VALUE_P | VARCHAR | VARIADIC | VERBOSE | VIEW | WHEN | WORK | WRITE |
    ZONE
  ;

