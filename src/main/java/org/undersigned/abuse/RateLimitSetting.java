package org.undersigned.abuse;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A rate limit an admin changed at runtime; limits without a row use the configured defaults. */
@Entity
@Table(name = "rate_limit_setting")
public class RateLimitSetting extends PanacheEntityBase {

    @Id
    public String name;
    public int perMinute;
    public int burst;
    public Long updatedBy;
    public Instant updatedAt;
}
