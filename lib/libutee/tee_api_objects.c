/*
 * GP generic and transient object functions (§5.5, §5.6) over the core's
 * object system calls (rampart/abi/utee_cryp.h). The objects live in the
 * Trusted OS; this file converts arguments, and panics the TA where GP
 * lists a Panic Reason (the core's refusals and the checks GP puts on the
 * TA's own pointers and attribute identifiers).
 */
#include <string.h>
#include <tee_internal_api.h>

#include "cryp_calls.h"

#define STORAGE_ERRORS TEE_ERROR_CORRUPT_OBJECT, TEE_ERROR_STORAGE_NOT_AVAILABLE

/* ---- generic object functions ----------------------------------------- */
static TEE_Result get_info(TEE_ObjectHandle object, struct utee_object_info *i)
{
	if (object == TEE_HANDLE_NULL)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	return ALLOW(
		CRYP(UTEE_SYS_CRYP_OBJ_GET_INFO, obj_h(object), i, 0, 0, 0, 0),
		STORAGE_ERRORS);
}

TEE_Result TEE_GetObjectInfo1(TEE_ObjectHandle object,
			      TEE_ObjectInfo *objectInfo)
{
	struct utee_object_info i;
	TEE_Result res = get_info(object, &i);

	if (res)
		return res;
	if (!objectInfo)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	objectInfo->objectType = i.obj_type;
	objectInfo->objectSize = i.obj_size;
	objectInfo->maxObjectSize = i.max_obj_size;
	objectInfo->objectUsage = i.obj_usage;
	objectInfo->dataSize = i.data_size;
	objectInfo->dataPosition = i.data_pos;
	objectInfo->handleFlags = i.handle_flags;
	return TEE_SUCCESS;
}

TEE_Result __GP11_TEE_GetObjectInfo1(TEE_ObjectHandle object,
				     __GP11_TEE_ObjectInfo *objectInfo)
{
	TEE_ObjectInfo info;
	TEE_Result res = TEE_GetObjectInfo1(object, &info);

	if (res)
		return res;
	if (!objectInfo)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	objectInfo->objectType = info.objectType;
	objectInfo->objectSize = info.objectSize;
	objectInfo->maxObjectSize = info.maxObjectSize;
	objectInfo->objectUsage = info.objectUsage;
	objectInfo->dataSize = (uint32_t)info.dataSize;
	objectInfo->dataPosition = (uint32_t)info.dataPosition;
	objectInfo->handleFlags = info.handleFlags;
	return TEE_SUCCESS;
}

/* The deprecated void variants panic where the 1.1+ ones return. */
void TEE_GetObjectInfo(TEE_ObjectHandle object, TEE_ObjectInfo *objectInfo)
{
	MUST(TEE_GetObjectInfo1(object, objectInfo));
}

void __GP11_TEE_GetObjectInfo(TEE_ObjectHandle object,
			      __GP11_TEE_ObjectInfo *objectInfo)
{
	MUST(__GP11_TEE_GetObjectInfo1(object, objectInfo));
}

TEE_Result TEE_RestrictObjectUsage1(TEE_ObjectHandle object,
				    uint32_t objectUsage)
{
	if (object == TEE_HANDLE_NULL)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	return ALLOW(CRYP(UTEE_SYS_CRYP_OBJ_RESTRICT_USAGE, obj_h(object),
			  objectUsage, 0, 0, 0, 0),
		     STORAGE_ERRORS);
}

void TEE_RestrictObjectUsage(TEE_ObjectHandle object, uint32_t objectUsage)
{
	MUST(TEE_RestrictObjectUsage1(object, objectUsage));
}

TEE_Result TEE_GetObjectBufferAttribute(TEE_ObjectHandle object,
					uint32_t attributeID, void *buffer,
					size_t *size)
{
	uint64_t len;
	TEE_Result res;

	/* GP: a value attribute here, or no size, is a programmer error. */
	if (object == TEE_HANDLE_NULL || (attributeID & TEE_ATTR_FLAG_VALUE) ||
	    !size)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	len = *size;
	/* The core refuses a secret of a non-extractable key: a panic. */
	res = ALLOW(CRYP(UTEE_SYS_CRYP_OBJ_GET_ATTR, obj_h(object), attributeID,
			 buffer, &len, 0, 0),
		    TEE_ERROR_ITEM_NOT_FOUND, TEE_ERROR_SHORT_BUFFER,
		    STORAGE_ERRORS);
	if (!res || res == TEE_ERROR_SHORT_BUFFER)
		*size = (size_t)len;
	return res;
}

TEE_Result __GP11_TEE_GetObjectBufferAttribute(TEE_ObjectHandle object,
					       uint32_t attributeID,
					       void *buffer, uint32_t *size)
{
	size_t s;
	TEE_Result res;

	if (!size)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	s = *size;
	res = TEE_GetObjectBufferAttribute(object, attributeID, buffer, &s);
	if (!res || res == TEE_ERROR_SHORT_BUFFER)
		*size = (uint32_t)s;
	return res;
}

TEE_Result TEE_GetObjectValueAttribute(TEE_ObjectHandle object,
				       uint32_t attributeID, uint32_t *a,
				       uint32_t *b)
{
	uint32_t v[2] = {0, 0};
	uint64_t len = sizeof(v);
	TEE_Result res;

	if (object == TEE_HANDLE_NULL || !(attributeID & TEE_ATTR_FLAG_VALUE))
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	res = ALLOW(CRYP(UTEE_SYS_CRYP_OBJ_GET_ATTR, obj_h(object), attributeID,
			 v, &len, 0, 0),
		    TEE_ERROR_ITEM_NOT_FOUND, STORAGE_ERRORS);
	if (res)
		return res;
	if (a)
		*a = v[0];
	if (b)
		*b = v[1];
	return TEE_SUCCESS;
}

void TEE_CloseObject(TEE_ObjectHandle object)
{
	if (object == TEE_HANDLE_NULL)
		return;
	MUST(CRYP(UTEE_SYS_CRYP_OBJ_CLOSE, obj_h(object), 0, 0, 0, 0, 0));
}

/* ---- transient objects ------------------------------------------------- */
TEE_Result TEE_AllocateTransientObject(TEE_ObjectType objectType,
				       uint32_t maxObjectSize,
				       TEE_ObjectHandle *object)
{
	uint32_t h = 0;
	TEE_Result res;

	if (!object)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	res = ALLOW(CRYP(UTEE_SYS_CRYP_OBJ_ALLOC, objectType, maxObjectSize, &h,
			 0, 0, 0),
		    TEE_ERROR_OUT_OF_MEMORY, TEE_ERROR_NOT_SUPPORTED);
	*object = res ? TEE_HANDLE_NULL : (TEE_ObjectHandle)(uintptr_t)h;
	return res;
}

TEE_Result __GP11_TEE_AllocateTransientObject(TEE_ObjectType objectType,
					      uint32_t maxKeySize,
					      TEE_ObjectHandle *object)
{
	return TEE_AllocateTransientObject(objectType, maxKeySize, object);
}

static void check_transient(TEE_ObjectHandle object)
{
	struct utee_object_info i;

	if (get_info(object, &i) ||
	    (i.handle_flags & TEE_HANDLE_FLAG_PERSISTENT))
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
}

void TEE_FreeTransientObject(TEE_ObjectHandle object)
{
	if (object == TEE_HANDLE_NULL)
		return;
	check_transient(object);
	MUST(CRYP(UTEE_SYS_CRYP_OBJ_CLOSE, obj_h(object), 0, 0, 0, 0, 0));
}

void TEE_ResetTransientObject(TEE_ObjectHandle object)
{
	if (object == TEE_HANDLE_NULL)
		return;
	MUST(CRYP(UTEE_SYS_CRYP_OBJ_RESET, obj_h(object), 0, 0, 0, 0, 0));
}

/* At most this many attributes go to the core (more: it panics the TA). */
#define MAX_ATTRS 16

static TEE_Result attrs_call(unsigned long nr, TEE_ObjectHandle object,
			     unsigned long key_size,
			     const struct utee_attribute *ua, uint32_t count)
{
	if (object == TEE_HANDLE_NULL || (count && !ua))
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	if (nr == UTEE_SYS_CRYP_OBJ_POPULATE)
		return ALLOW(CRYP(nr, obj_h(object), ua, count, 0, 0, 0),
			     TEE_ERROR_BAD_PARAMETERS);
	return ALLOW(CRYP(nr, obj_h(object), key_size, ua, count, 0, 0),
		     TEE_ERROR_BAD_PARAMETERS);
}

/* Converts GP 1.3 attributes; NULL (the core refuses) if too many. */
static const struct utee_attribute *
from_attrs(struct utee_attribute ua[MAX_ATTRS], const TEE_Attribute *attrs,
	   uint32_t count)
{
	if (count > MAX_ATTRS || (count && !attrs))
		return NULL;
	for (uint32_t i = 0; i < count; i++) {
		ua[i].attribute_id = attrs[i].attributeID;
		ua[i].pad = 0;
		if (attrs[i].attributeID & TEE_ATTR_FLAG_VALUE) {
			ua[i].a = attrs[i].content.value.a;
			ua[i].b = attrs[i].content.value.b;
		} else {
			ua[i].a = (uintptr_t)attrs[i].content.ref.buffer;
			ua[i].b = attrs[i].content.ref.length;
		}
	}
	return ua;
}

static const struct utee_attribute *
from_gp11_attrs(struct utee_attribute ua[MAX_ATTRS],
		const __GP11_TEE_Attribute *attrs, uint32_t count)
{
	if (count > MAX_ATTRS || (count && !attrs))
		return NULL;
	for (uint32_t i = 0; i < count; i++) {
		ua[i].attribute_id = attrs[i].attributeID;
		ua[i].pad = 0;
		if (attrs[i].attributeID & TEE_ATTR_FLAG_VALUE) {
			ua[i].a = attrs[i].content.value.a;
			ua[i].b = attrs[i].content.value.b;
		} else {
			ua[i].a = (uintptr_t)attrs[i].content.ref.buffer;
			ua[i].b = attrs[i].content.ref.length;
		}
	}
	return ua;
}

TEE_Result TEE_PopulateTransientObject(TEE_ObjectHandle object,
				       const TEE_Attribute *attrs,
				       uint32_t attrCount)
{
	struct utee_attribute ua[MAX_ATTRS];

	return attrs_call(UTEE_SYS_CRYP_OBJ_POPULATE, object, 0,
			  from_attrs(ua, attrs, attrCount), attrCount);
}

TEE_Result __GP11_TEE_PopulateTransientObject(TEE_ObjectHandle object,
					      const __GP11_TEE_Attribute *attrs,
					      uint32_t attrCount)
{
	struct utee_attribute ua[MAX_ATTRS];

	return attrs_call(UTEE_SYS_CRYP_OBJ_POPULATE, object, 0,
			  from_gp11_attrs(ua, attrs, attrCount), attrCount);
}

void TEE_InitRefAttribute(TEE_Attribute *attr, uint32_t attributeID,
			  const void *buffer, size_t length)
{
	if (!attr || (attributeID & TEE_ATTR_FLAG_VALUE))
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	attr->attributeID = attributeID;
	attr->content.ref.buffer = (void *)(uintptr_t)buffer;
	attr->content.ref.length = length;
}

void __GP11_TEE_InitRefAttribute(__GP11_TEE_Attribute *attr,
				 uint32_t attributeID, const void *buffer,
				 uint32_t length)
{
	if (!attr || (attributeID & TEE_ATTR_FLAG_VALUE))
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	attr->attributeID = attributeID;
	attr->content.ref.buffer = (void *)(uintptr_t)buffer;
	attr->content.ref.length = length;
}

void TEE_InitValueAttribute(TEE_Attribute *attr, uint32_t attributeID,
			    uint32_t a, uint32_t b)
{
	if (!attr || !(attributeID & TEE_ATTR_FLAG_VALUE))
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	attr->attributeID = attributeID;
	attr->content.value.a = a;
	attr->content.value.b = b;
}

void __GP11_TEE_InitValueAttribute(__GP11_TEE_Attribute *attr,
				   uint32_t attributeID, uint32_t a, uint32_t b)
{
	if (!attr || !(attributeID & TEE_ATTR_FLAG_VALUE))
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	attr->attributeID = attributeID;
	attr->content.value.a = a;
	attr->content.value.b = b;
}

TEE_Result TEE_CopyObjectAttributes1(TEE_ObjectHandle destObject,
				     TEE_ObjectHandle srcObject)
{
	if (destObject == TEE_HANDLE_NULL || srcObject == TEE_HANDLE_NULL)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	return ALLOW(CRYP(UTEE_SYS_CRYP_OBJ_COPY, obj_h(destObject),
			  obj_h(srcObject), 0, 0, 0, 0),
		     STORAGE_ERRORS);
}

void TEE_CopyObjectAttributes(TEE_ObjectHandle destObject,
			      TEE_ObjectHandle srcObject)
{
	MUST(TEE_CopyObjectAttributes1(destObject, srcObject));
}

TEE_Result TEE_GenerateKey(TEE_ObjectHandle object, uint32_t keySize,
			   const TEE_Attribute *params, uint32_t paramCount)
{
	struct utee_attribute ua[MAX_ATTRS];

	return attrs_call(UTEE_SYS_CRYP_OBJ_GENERATE, object, keySize,
			  from_attrs(ua, params, paramCount), paramCount);
}

TEE_Result __GP11_TEE_GenerateKey(TEE_ObjectHandle object, uint32_t keySize,
				  const __GP11_TEE_Attribute *params,
				  uint32_t paramCount)
{
	struct utee_attribute ua[MAX_ATTRS];

	return attrs_call(UTEE_SYS_CRYP_OBJ_GENERATE, object, keySize,
			  from_gp11_attrs(ua, params, paramCount), paramCount);
}
