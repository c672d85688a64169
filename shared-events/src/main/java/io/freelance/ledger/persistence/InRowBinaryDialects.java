package io.freelance.ledger.persistence;

import org.hibernate.boot.model.TypeContributions;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.H2Dialect;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolver;
import org.hibernate.service.ServiceRegistry;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.jdbc.JdbcType;
import org.hibernate.type.descriptor.jdbc.VarbinaryJdbcType;

/**
 * Axon's serialized columns (event payloads and metadata, tokens, sagas, dead letters) kept in their
 * rows instead of as large objects. Axon marks them as LOBs, and Hibernate maps those to PostgreSQL's
 * {@code oid} (one large object per write that nothing ever removes: the token table alone grows
 * without end) and to H2's {@code BLOB} (every value over a few hundred bytes stored and read apart
 * from its row: appends about four times slower, and read LOBs held in memory until a timeout).
 * Named by {@code hibernate.dialect_resolvers} on both sides (in distributed mode they share one
 * PostgreSQL database, so they must lay the columns out alike); other databases keep Hibernate's own
 * dialect. Here rather than in either side: it is the one piece of persistence the two share.
 */
public class InRowBinaryDialects implements DialectResolver {

    @Override
    public Dialect resolveDialect(DialectResolutionInfo info) {
        return switch (info.getDatabaseName()) {
            case "PostgreSQL" -> new PostgreSql(info);
            case "H2" -> new H2(info);
            default -> null;
        };
    }

    /**
     * Binds LOB-marked byte arrays as plain variable-length binary values, while the columns are still
     * declared through the dialect's LOB column type (so without the length Axon's mapping gives them).
     */
    private static final JdbcType IN_ROW_BINARY = new VarbinaryJdbcType() {
        @Override
        public int getDdlTypeCode() {
            return SqlTypes.BLOB;
        }
    };

    private static void bindLobsAsBinary(TypeContributions typeContributions) {
        typeContributions.getTypeConfiguration().getJdbcTypeRegistry().addDescriptor(SqlTypes.BLOB, IN_ROW_BINARY);
    }

    /** PostgreSQL with {@code bytea} for LOB columns. */
    public static class PostgreSql extends PostgreSQLDialect {

        public PostgreSql(DialectResolutionInfo info) {
            super(info);
        }

        @Override
        protected String columnType(int sqlTypeCode) {
            return sqlTypeCode == SqlTypes.BLOB ? "bytea" : super.columnType(sqlTypeCode);
        }

        @Override
        protected String castType(int sqlTypeCode) {
            return sqlTypeCode == SqlTypes.BLOB ? "bytea" : super.castType(sqlTypeCode);
        }

        @Override
        public void contributeTypes(TypeContributions typeContributions, ServiceRegistry serviceRegistry) {
            super.contributeTypes(typeContributions, serviceRegistry);
            bindLobsAsBinary(typeContributions);
        }
    }

    /** H2 with {@code varbinary} (up to H2's maximum length, stored in the row) for LOB columns. */
    public static class H2 extends H2Dialect {

        public H2(DialectResolutionInfo info) {
            super(info);
        }

        @Override
        protected String columnType(int sqlTypeCode) {
            return sqlTypeCode == SqlTypes.BLOB ? "varbinary" : super.columnType(sqlTypeCode);
        }

        @Override
        protected String castType(int sqlTypeCode) {
            return sqlTypeCode == SqlTypes.BLOB ? "varbinary" : super.castType(sqlTypeCode);
        }

        @Override
        public void contributeTypes(TypeContributions typeContributions, ServiceRegistry serviceRegistry) {
            super.contributeTypes(typeContributions, serviceRegistry);
            bindLobsAsBinary(typeContributions);
        }
    }
}
