package vn.layso.office.domain;

/** A group served before others (người cao tuổi, người khuyết tật, phụ nữ có thai, ...). */
public record PriorityGroup(String code, String name) {

  public PriorityGroup {
    OfficeRules.requireCode(code, "priority group code");
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("priority group " + code + " needs a name");
    }
  }
}
