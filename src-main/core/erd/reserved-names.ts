/**
 * Names an ERD may not use because Django or the generated code already gives them a meaning.
 * Each entry says why, so a rejected name comes with a reason the user can act on.
 */

/** Field, relation and reverse-accessor names that break a Django model or the generated modules. */
export const RESERVED_FIELD_NAMES: ReadonlyMap<string, string> = new Map([
  ['id', 'Django adds the automatic primary key "id" to every model'],
  ['pk', 'Django reserves "pk" as the alias of the primary key'],
  ['objects', 'it would replace the default manager "objects"'],
  ['_meta', 'it would replace the model options "_meta"'],
  ['_state', 'it would replace the model instance state "_state"'],
  ['Meta', 'it would replace the inner "Meta" options class'],
  ['DoesNotExist', 'it would replace the model exception "DoesNotExist"'],
  ['MultipleObjectsReturned', 'it would replace the model exception "MultipleObjectsReturned"'],
  ['save', 'it would hide the Model.save() method'],
  ['delete', 'it would hide the Model.delete() method'],
  ['clean', 'it would hide the Model.clean() method'],
  ['clean_fields', 'it would hide the Model.clean_fields() method'],
  ['full_clean', 'it would hide the Model.full_clean() method'],
  ['validate_unique', 'it would hide the Model.validate_unique() method'],
  ['validate_constraints', 'it would hide the Model.validate_constraints() method'],
  ['refresh_from_db', 'it would hide the Model.refresh_from_db() method'],
  ['save_base', 'it would hide the Model.save_base() method'],
  ['from_db', 'it would hide the Model.from_db() class method'],
  ['check', 'it would hide the Model.check() class method that runs system checks'],
  ['serializable_value', 'it would hide the Model.serializable_value() method'],
  ['get_deferred_fields', 'it would hide the Model.get_deferred_fields() method'],
  ['prepare_database_save', 'it would hide the Model.prepare_database_save() method'],
  ['unique_error_message', 'it would hide the Model.unique_error_message() method'],
  ['date_error_message', 'it would hide the Model.date_error_message() method'],
  ['get_absolute_url', 'the generated models define get_absolute_url()'],
  // Class bodies in generated models.py/serializers.py/filters.py refer to these modules by name;
  // an attribute with the same name would shadow the module for every later field of the class.
  ['models', 'generated model classes refer to the "models" module inside their body'],
  ['serializers', 'generated serializer classes refer to the "serializers" module inside their body'],
  ['django_filters', 'generated filter sets refer to the "django_filters" module inside their body'],
  ['datetime', 'generated models refer to the "datetime" module for date defaults'],
  ['now', 'generated models refer to django.utils.timezone.now for datetime defaults'],
  ['uuid4', 'generated models refer to uuid.uuid4 for UUID defaults'],
  ['validate_positive', 'generated models define the validator "validate_positive"'],
]);

/** Class names imported or defined by the generated modules, besides the per-entity classes. */
export const RESERVED_ENTITY_NAMES: ReadonlyMap<string, string> = new Map([
  ['Model', 'it is the Django base class every generated model extends'],
  ['Manager', 'it is the Django manager class'],
  ['QuerySet', 'it is the Django query set class'],
  ['Meta', 'it is the name of the inner options class of every model'],
  ['Q', 'generated code imports django.db.models.Q'],
  ['F', 'generated code imports django.db.models.F'],
  ['Decimal', 'generated models import decimal.Decimal for decimal defaults and validators'],
  ['ValidationError', 'generated models and serializers import ValidationError'],
  ['Response', 'generated views import rest_framework.response.Response'],
  ['Serializer', 'it is the DRF base serializer class'],
  ['ModelSerializer', 'it is the DRF base class of every generated serializer'],
  ['ViewSet', 'it is a DRF base view set class'],
  ['ModelViewSet', 'it is the DRF base class of every generated view set'],
  ['FilterSet', 'it is the django-filter base class of every generated filter set'],
  ['BasePermission', 'it is the DRF base class of every generated access policy'],
  ['AccessPolicy', 'it is the base class of the generated access policies'],
  ['TestCase', 'generated tests import it'],
  ['APITestCase', 'generated tests import it'],
  ['models', 'it is the Django models module'],
  ['serializers', 'it is the DRF serializers module'],
  ['settings', 'it is the Django settings object'],
  ['admin', 'it is the Django admin module'],
  ['UUID', 'generated models import uuid.UUID for UUID defaults'],
  ['MinValueValidator', 'generated models import it'],
  ['MaxValueValidator', 'generated models import it'],
  ['MinLengthValidator', 'generated models import it'],
  ['MaxLengthValidator', 'generated models import it'],
  ['RegexValidator', 'generated models import it'],
  ['StillReferenced', 'generated views define the exception class "StillReferenced"'],
]);

/**
 * Suffixes of the classes generated for every entity (`<Entity>Serializer`, …). An entity named
 * `JobSerializer` next to an entity `Job` would collide with Job's generated serializer.
 */
export const GENERATED_CLASS_SUFFIXES = [
  'Serializer',
  'ViewSet',
  'FilterSet',
  'Admin',
  'AccessPolicy',
  'ApiTests',
] as const;
