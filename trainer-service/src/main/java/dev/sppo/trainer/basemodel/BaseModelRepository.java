package dev.sppo.trainer.basemodel;

import dev.sppo.service.auth.Caller;
import dev.sppo.trainer.owner.Owners;
import dev.sppo.trainer.upload.UploadIds;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The {@code models} table. */
@Repository
public class BaseModelRepository {

    private static final String SELECT = "SELECT id, name, model_type, sha256, bytes, created_at FROM models ";

    private final JdbcTemplate jdbc;
    private final RowMapper<BaseModel> rows = BaseModelRepository::map;

    public BaseModelRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records {@code model}, uploaded by {@code owner} (null: no user); the database sets its {@code createdAt}. */
    public void insert(BaseModel model, String owner) {
        jdbc.update("INSERT INTO models (id, name, model_type, sha256, bytes, owner) VALUES (?, ?, ?, ?, ?, ?)",
                model.id(), model.name(), model.modelType(), model.sha256(), model.bytes(), owner);
    }

    public Optional<BaseModel> find(UUID id) {
        return jdbc.query(SELECT + "WHERE id = ?", rows, id).stream().findFirst();
    }

    /**
     * The model with this id, if {@code caller} may see it (their own, or any for an admin); empty for an unknown id
     * or one that is not a UUID.
     */
    public Optional<BaseModel> find(String id, Caller caller) {
        return UploadIds.parse(id).flatMap(uuid -> jdbc.query(SELECT + "WHERE id = ? AND " + Owners.VISIBLE, rows,
                uuid, caller.admin(), caller.name()).stream().findFirst());
    }

    /** The newest models {@code caller} may see. */
    public List<BaseModel> newest(int limit, Caller caller) {
        return jdbc.query(SELECT + "WHERE " + Owners.VISIBLE + " ORDER BY created_at DESC, id LIMIT ?", rows,
                caller.admin(), caller.name(), limit);
    }

    private static BaseModel map(ResultSet rs, int row) throws SQLException {
        return new BaseModel(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("model_type"),
                rs.getString("sha256"), rs.getLong("bytes"), rs.getTimestamp("created_at").toInstant());
    }
}
