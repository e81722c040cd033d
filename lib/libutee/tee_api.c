/*
 * The GP Internal Core API functions that are thin layers over the core's
 * system calls or plain memory operations: panics, cancellation, memory
 * access checks, instance data, TEE_Mem*, random numbers and time.
 */
#include <compiler.h>
#include <rampart/abi/utee.h>
#include <stdint.h>
#include <string.h>
#include <tee_internal_api.h>
#include <tee_internal_api_extensions.h>
#include <user_ta_header.h>

#include "utee_syscalls.h"

/* Largest request handed to the core in one GET_RANDOM call. */
#define RANDOM_CHUNK 4096

static const void *instance_data;

void TEE_Panic(TEE_Result panicCode)
{
	_utee_panic(panicCode);
}

bool TEE_GetCancellationFlag(void)
{
	uint32_t flag = 0;

	if (_utee_get_cancel_flag(&flag) != TEE_SUCCESS)
		TEE_Panic(TEE_ERROR_GENERIC);
	return flag != 0;
}

static bool set_cancel_mask(unsigned long mask)
{
	uint32_t old = 0;

	if (_utee_mask_cancel(mask, &old) != TEE_SUCCESS)
		TEE_Panic(TEE_ERROR_GENERIC);
	return old != 0;
}

bool TEE_UnmaskCancellation(void)
{
	return set_cancel_mask(0);
}

bool TEE_MaskCancellation(void)
{
	return set_cancel_mask(1);
}

TEE_Result TEE_CheckMemoryAccessRights(uint32_t accessFlags, void *buffer,
				       size_t size)
{
	uintptr_t end;
	TEE_Result res;

	if (!size)
		return TEE_SUCCESS;
	if (__builtin_add_overflow((uintptr_t)buffer, size, &end))
		return TEE_ERROR_ACCESS_DENIED;
	/*
	 * The core checks the mapping, the rights, the flag bits and, without
	 * ANY_OWNER, that no byte is in the area it fills for the client.
	 */
	res = _utee_check_access(accessFlags, buffer, size);
	return res;
}

TEE_Result __GP11_TEE_CheckMemoryAccessRights(uint32_t accessFlags,
					      void *buffer, uint32_t size)
{
	return TEE_CheckMemoryAccessRights(accessFlags, buffer, size);
}

void TEE_SetInstanceData(const void *instanceData)
{
	instance_data = instanceData;
}

const void *TEE_GetInstanceData(void)
{
	return instance_data;
}

/* Size 0 touches nothing, so NULL pointers are fine then (GP). */
void TEE_MemMove(void *dest, const void *src, size_t size)
{
	if (size)
		memmove(dest, src, size);
}

void __GP11_TEE_MemMove(void *dest, const void *src, uint32_t size)
{
	TEE_MemMove(dest, src, size);
}

int32_t TEE_MemCompare(const void *buffer1, const void *buffer2, size_t size)
{
	int r = size ? memcmp(buffer1, buffer2, size) : 0;

	return r < 0 ? -1 : r > 0 ? 1 : 0;
}

int32_t __GP11_TEE_MemCompare(const void *buffer1, const void *buffer2,
			      uint32_t size)
{
	return TEE_MemCompare(buffer1, buffer2, size);
}

/* GP: only the low byte of x is used. */
void TEE_MemFill(void *buffer, uint32_t x, size_t size)
{
	if (size)
		memset(buffer, (int)(uint8_t)x, size);
}

void __GP11_TEE_MemFill(void *buffer, uint32_t x, uint32_t size)
{
	TEE_MemFill(buffer, x, size);
}

void TEE_GenerateRandom(void *randomBuffer, size_t randomBufferLen)
{
	uint8_t *p = randomBuffer;

	while (randomBufferLen) {
		size_t n = randomBufferLen < RANDOM_CHUNK ? randomBufferLen
							  : RANDOM_CHUNK;
		TEE_Result res = _utee_get_random(p, n);

		if (res != TEE_SUCCESS)
			TEE_Panic(res); /* a bad buffer: GP says panic */
		p += n;
		randomBufferLen -= n;
	}
}

void __GP11_TEE_GenerateRandom(void *randomBuffer, uint32_t randomBufferLen)
{
	TEE_GenerateRandom(randomBuffer, randomBufferLen);
}

/* TEE_Time and struct utee_time are the same two uint32_t. */
_Static_assert(sizeof(TEE_Time) == sizeof(struct utee_time), "TEE_Time layout");

/* The core checks @time itself: a bad pointer panics, as GP says. */
static void get_time(unsigned long kind, TEE_Time *time)
{
	TEE_Result res = _utee_get_time(kind, (struct utee_time *)time);

	if (res != TEE_SUCCESS)
		TEE_Panic(res);
}

void TEE_GetSystemTime(TEE_Time *time)
{
	get_time(UTEE_TIME_SYSTEM, time);
}

void TEE_GetREETime(TEE_Time *time)
{
	get_time(UTEE_TIME_REE, time);
}

TEE_Result TEE_Wait(uint32_t timeout)
{
	TEE_Result res = _utee_wait(timeout);

	if (res != TEE_SUCCESS && res != TEE_ERROR_CANCEL)
		TEE_Panic(res);
	return res;
}

TEE_Result TEE_GetTAPersistentTime(TEE_Time *time)
{
	TEE_Result res = _utee_get_time(UTEE_TIME_TA_PERSISTENT,
					(struct utee_time *)time);

	switch (res) {
	case TEE_SUCCESS:
	case TEE_ERROR_OVERFLOW: /* seconds modulo 2^32, written by the core */
		return res;
	case TEE_ERROR_TIME_NOT_SET:
	case TEE_ERROR_TIME_NEEDS_RESET:
		time->seconds = 0; /* writable: the core checked before */
		time->millis = 0;
		return res;
	default: /* a bad pointer: GP says panic */
		TEE_Panic(res);
	}
}

TEE_Result TEE_SetTAPersistentTime(const TEE_Time *time)
{
	TEE_Result res = _utee_set_ta_time((const struct utee_time *)time);

	if (res != TEE_SUCCESS && res != TEE_ERROR_OUT_OF_MEMORY &&
	    res != TEE_ERROR_STORAGE_NO_SPACE)
		TEE_Panic(res); /* a bad pointer or millis >= 1000 */
	return res;
}

static int hex_val(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

TEE_Result tee_uuid_from_str(TEE_UUID *uuid, const char *s)
{
	uint8_t b[16];
	unsigned int n = 0;

	if (!uuid || !s)
		return TEE_ERROR_BAD_PARAMETERS;
	for (unsigned int i = 0; i < 36; i++) {
		int hi, lo;

		if (i == 8 || i == 13 || i == 18 || i == 23) {
			if (s[i] != '-')
				return TEE_ERROR_BAD_FORMAT;
			continue;
		}
		hi = hex_val(s[i]);
		if (hi < 0 || !s[i + 1])
			return TEE_ERROR_BAD_FORMAT;
		lo = hex_val(s[++i]);
		if (lo < 0)
			return TEE_ERROR_BAD_FORMAT;
		b[n++] = (uint8_t)(hi << 4 | lo);
	}
	if (s[36])
		return TEE_ERROR_BAD_FORMAT;
	uuid->timeLow = (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 |
			(uint32_t)b[2] << 8 | b[3];
	uuid->timeMid = (uint16_t)(b[4] << 8 | b[5]);
	uuid->timeHiAndVersion = (uint16_t)(b[6] << 8 | b[7]);
	memcpy(uuid->clockSeqAndNode, b + 8, 8);
	return TEE_SUCCESS;
}
