package io.freelance.ledger.command.infrastructure;

import org.hibernate.boot.model.TypeContributions;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolver;
import org.hibernate.service.ServiceRegistry;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.jdbc.BinaryJdbcType;

/**
 * PostgreSQL without large objects. Axon marks its serialized columns (tokens, sagas, dead letters,
 * events) as LOBs; Hibernate maps those to PostgreSQL's {@code oid}, which stores every write as a
 * separate large object that nothing ever removes — the table of large objects grows with each
 * token update. Storing them as {@code bytea} keeps each value in its row. Chosen by {@link Resolver}
 * (property {@code hibernate.dialect_resolvers}) whenever the database is PostgreSQL, so H2 keeps
 * its own dialect. (Each side carries its own copy: the two deploy separately and share no module
 * but the message contract.)
 */
public class ByteaLobPostgreSqlDialect extends PostgreSQLDialect {

    public ByteaLobPostgreSqlDialect(DialectResolutionInfo info) {
        super(info);
    }

    /** Picks this dialect for PostgreSQL and leaves every other database to Hibernate. */
    public static class Resolver implements DialectResolver {

        @Override
        public Dialect resolveDialect(DialectResolutionInfo info) {
            return "PostgreSQL".equals(info.getDatabaseName()) ? new ByteaLobPostgreSqlDialect(info) : null;
        }
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
        typeContributions.getTypeConfiguration().getJdbcTypeRegistry().addDescriptor(SqlTypes.BLOB, BinaryJdbcType.INSTANCE);
    }
}
