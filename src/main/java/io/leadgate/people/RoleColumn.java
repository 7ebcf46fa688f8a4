package io.leadgate.people;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Keeps a {@link Role} as its lower-case code. */
@Converter
public class RoleColumn implements AttributeConverter<Role, String> {

    @Override
    public String convertToDatabaseColumn(Role role) {
        return role == null ? null : role.code();
    }

    @Override
    public Role convertToEntityAttribute(String code) {
        return Role.parse(code).orElse(Role.MANAGER);
    }
}
