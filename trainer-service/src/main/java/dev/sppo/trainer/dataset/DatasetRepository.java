package dev.sppo.trainer.dataset;

import dev.sppo.prompts.PromptFields;

import dev.sppo.service.auth.Caller;
import dev.sppo.trainer.owner.Owners;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The {@code datasets} table. */
@Repository
public class DatasetRepository {

    private static final String SELECT = "SELECT id, name, file_name, format, id_field, prompt_field, messages_field, "
            + "sha256, bytes, prompts, created_at FROM datasets ";

    private final JdbcTemplate jdbc;
    private final RowMapper<Dataset> rows = DatasetRepository::map;

    public DatasetRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records {@code dataset}, uploaded by {@code owner} (null: no user); the database sets its {@code createdAt}. */
    public void insert(Dataset dataset, String owner) {
        PromptFields fields = dataset.fields();
        jdbc.update("INSERT INTO datasets (id, name, file_name, format, id_field, prompt_field, messages_field, sha256, "
                + "bytes, prompts, owner) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", dataset.id(), dataset.name(),
                dataset.fileName(), dataset.format(), fields.id(), fields.prompt(), fields.messages(), dataset.sha256(),
                dataset.bytes(), dataset.prompts(), owner);
    }

    public Optional<Dataset> find(UUID id) {
        return jdbc.query(SELECT + "WHERE id = ?", rows, id).stream().findFirst();
    }

    /** The dataset, if {@code caller} may see it: their own, or any for an admin. */
    public Optional<Dataset> find(UUID id, Caller caller) {
        return jdbc.query(SELECT + "WHERE id = ? AND " + Owners.VISIBLE, rows, id, caller.admin(), caller.name())
                .stream().findFirst();
    }

    /** The newest datasets {@code caller} may see. */
    public List<Dataset> newest(int limit, Caller caller) {
        return jdbc.query(SELECT + "WHERE " + Owners.VISIBLE + " ORDER BY created_at DESC, id LIMIT ?", rows,
                caller.admin(), caller.name(), limit);
    }

    private static Dataset map(ResultSet rs, int row) throws SQLException {
        return new Dataset(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("file_name"),
                rs.getString("format"), new PromptFields(rs.getString("id_field"), rs.getString("prompt_field"),
                        rs.getString("messages_field")), rs.getString("sha256"), rs.getLong("bytes"),
                rs.getLong("prompts"), rs.getTimestamp("created_at").toInstant());
    }
}
