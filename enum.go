package buurtnet

import (
	"io"
	"strconv"
)

// The enums below are GraphQL enums too. Their GraphQL marshalling lives
// here, next to the allowed values, so that an unset optional value reads as
// null (not as an invalid "") and an unknown input value is refused with the
// list of allowed ones.

func marshalEnum(w io.Writer, v string) {
	if v == "" {
		_, _ = io.WriteString(w, "null")
		return
	}
	_, _ = io.WriteString(w, strconv.Quote(v))
}

func unmarshalEnum[T ~string](v any, allowed []T) (T, error) {
	s, ok := v.(string)
	if !ok {
		return "", Errorf(EINVALID, "enum values are strings, not %T", v)
	}
	for _, a := range allowed {
		if T(s) == a {
			return a, nil
		}
	}
	return "", Errorf(EINVALID, "%q is not one of %v", s, allowed)
}

func (e OrganisationKind) MarshalGQL(w io.Writer) { marshalEnum(w, string(e)) }
func (e *OrganisationKind) UnmarshalGQL(v any) (err error) {
	*e, err = unmarshalEnum(v, OrganisationKinds)
	return err
}

func (e Sector) MarshalGQL(w io.Writer) { marshalEnum(w, string(e)) }
func (e *Sector) UnmarshalGQL(v any) (err error) {
	*e, err = unmarshalEnum(v, Sectors)
	return err
}

func (e LanguageCommunity) MarshalGQL(w io.Writer) { marshalEnum(w, string(e)) }
func (e *LanguageCommunity) UnmarshalGQL(v any) (err error) {
	*e, err = unmarshalEnum(v, LanguageCommunities)
	return err
}

func (e CareLine) MarshalGQL(w io.Writer) { marshalEnum(w, string(e)) }
func (e *CareLine) UnmarshalGQL(v any) (err error) {
	*e, err = unmarshalEnum(v, CareLines)
	return err
}

func (e CareForm) MarshalGQL(w io.Writer) { marshalEnum(w, string(e)) }
func (e *CareForm) UnmarshalGQL(v any) (err error) {
	*e, err = unmarshalEnum(v, CareForms)
	return err
}

func (e ProjectStatus) MarshalGQL(w io.Writer) { marshalEnum(w, string(e)) }
func (e *ProjectStatus) UnmarshalGQL(v any) (err error) {
	*e, err = unmarshalEnum(v, ProjectStatuses)
	return err
}

func (e TerritoryKind) MarshalGQL(w io.Writer) { marshalEnum(w, string(e)) }
func (e *TerritoryKind) UnmarshalGQL(v any) (err error) {
	*e, err = unmarshalEnum(v, TerritoryKinds)
	return err
}

func (e FunderLevel) MarshalGQL(w io.Writer) { marshalEnum(w, string(e)) }
func (e *FunderLevel) UnmarshalGQL(v any) (err error) {
	*e, err = unmarshalEnum(v, FunderLevels)
	return err
}

func (e Framework) MarshalGQL(w io.Writer) { marshalEnum(w, string(e)) }
func (e *Framework) UnmarshalGQL(v any) (err error) {
	*e, err = unmarshalEnum(v, Frameworks)
	return err
}

func (e Role) MarshalGQL(w io.Writer) { marshalEnum(w, string(e)) }
func (e *Role) UnmarshalGQL(v any) (err error) {
	*e, err = unmarshalEnum(v, Roles)
	return err
}

func (e StakeholderLevel) MarshalGQL(w io.Writer) { marshalEnum(w, string(e)) }
func (e *StakeholderLevel) UnmarshalGQL(v any) (err error) {
	*e, err = unmarshalEnum(v, StakeholderLevels)
	return err
}

func (e Coverage) MarshalGQL(w io.Writer) { marshalEnum(w, string(e)) }
func (e *Coverage) UnmarshalGQL(v any) (err error) {
	*e, err = unmarshalEnum(v, Coverages)
	return err
}

func (e LinkKind) MarshalGQL(w io.Writer) { marshalEnum(w, string(e)) }
func (e *LinkKind) UnmarshalGQL(v any) (err error) {
	*e, err = unmarshalEnum(v, LinkKinds)
	return err
}

func (e Spatial) MarshalGQL(w io.Writer) { marshalEnum(w, string(e)) }
func (e *Spatial) UnmarshalGQL(v any) (err error) {
	*e, err = unmarshalEnum(v, []Spatial{SpatialSame, SpatialContains, SpatialWithin, SpatialPartial})
	return err
}

func (e ReasonCode) MarshalGQL(w io.Writer) { marshalEnum(w, string(e)) }
func (e *ReasonCode) UnmarshalGQL(v any) (err error) {
	*e, err = unmarshalEnum(v, ReasonCodes)
	return err
}

func (e OrderField) MarshalGQL(w io.Writer) { marshalEnum(w, string(e)) }
func (e *OrderField) UnmarshalGQL(v any) (err error) {
	*e, err = unmarshalEnum(v, []OrderField{OrderByName, OrderByCreatedAt, OrderByUpdatedAt, OrderByStart})
	return err
}

func (e AccessRole) MarshalGQL(w io.Writer) { marshalEnum(w, string(e)) }
func (e *AccessRole) UnmarshalGQL(v any) (err error) {
	*e, err = unmarshalEnum(v, AccessRoles)
	return err
}

func (e SynergyKind) MarshalGQL(w io.Writer) { marshalEnum(w, string(e)) }
func (e *SynergyKind) UnmarshalGQL(v any) (err error) {
	*e, err = unmarshalEnum(v, SynergyKinds)
	return err
}
