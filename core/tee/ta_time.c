/*
 * TA persistent time (GP TEE_GetTAPersistentTime / TEE_SetTAPersistentTime).
 *
 * Per TA UUID the core keeps, in secure RAM only, the offset between the
 * time the TA set and the system counter. The normal world cannot move it
 * (the base is the secure world's system counter, not the REE clock), but
 * it does not survive a reboot: every TA then starts again with
 * TEE_ERROR_TIME_NOT_SET. That is why gpd.tee.TAPersistentTime.
 * protectionLevel claims no more than 100.
 */
#include <drivers/secure_timer.h>
#include <kernel/spinlock.h>
#include <kernel/user_access.h>
#include <mm/uspace.h>
#include <rampart/abi/utee.h>
#include <string.h>
#include <tee/ta_time.h>
#include <tee/user_ta.h>

#ifndef TEE_ERROR_TIME_NOT_SET
#define TEE_ERROR_TIME_NOT_SET 0xFFFF5000u
#endif

/* Distinct TA UUIDs that can hold a time until the next reboot. */
#define TA_TIME_SLOTS 64

struct ta_time_slot {
	uint8_t uuid[16];
	bool used;
	int64_t offset_ms; /* TA time = system time + offset */
};

static struct ta_time_slot slots[TA_TIME_SLOTS];
static volatile uint32_t slots_lock;

static uint64_t system_ms(void)
{
	uint64_t c = system_counter(), f = secure_timer_freq();

	return c / f * 1000 + (c % f) * 1000 / f;
}

static bool current_uuid(uint8_t out[16])
{
	struct ta_instance *ta = user_ta_current();

	if (!ta)
		return false;
	memcpy(out, user_ta_uuid(ta), 16);
	return true;
}

/* The slot of @uuid; with @create, a free one if it has none. Locked. */
static struct ta_time_slot *find_slot(const uint8_t uuid[16], bool create)
{
	struct ta_time_slot *free_slot = NULL;

	for (size_t i = 0; i < TA_TIME_SLOTS; i++) {
		if (slots[i].used && !memcmp(slots[i].uuid, uuid, 16))
			return &slots[i];
		if (!slots[i].used && !free_slot)
			free_slot = &slots[i];
	}
	if (!create || !free_slot)
		return NULL;
	memcpy(free_slot->uuid, uuid, 16);
	free_slot->used = true;
	return free_slot;
}

TEE_Result ta_time_get(uint64_t va)
{
	const struct uspace *us = user_ta_current_uspace();
	struct ta_time_slot *s;
	struct utee_time t;
	uint8_t uuid[16];
	int64_t offset = 0;
	uint64_t ms, seconds;

	if (!us || !current_uuid(uuid))
		return TEE_ERROR_BAD_STATE;
	if (!uspace_access_ok(us, va, sizeof(t), true))
		return TEE_ERROR_ACCESS_DENIED;
	spin_lock(&slots_lock);
	s = find_slot(uuid, false);
	if (s)
		offset = s->offset_ms;
	spin_unlock(&slots_lock);
	if (!s)
		return TEE_ERROR_TIME_NOT_SET;
	/* The counter only goes up, so this stays at or above the set time. */
	ms = (uint64_t)((int64_t)system_ms() + offset);
	seconds = ms / 1000;
	t.seconds = (uint32_t)seconds; /* GP: modulo 2^32 on overflow */
	t.millis = (uint32_t)(ms % 1000);
	copy_to_user(va, &t, sizeof(t));
	return seconds > UINT32_MAX ? TEE_ERROR_OVERFLOW : TEE_SUCCESS;
}

TEE_Result ta_time_set(uint64_t va)
{
	const struct uspace *us = user_ta_current_uspace();
	struct ta_time_slot *s;
	struct utee_time t;
	uint8_t uuid[16];
	int64_t offset;

	if (!us || !current_uuid(uuid))
		return TEE_ERROR_BAD_STATE;
	if (!uspace_access_ok(us, va, sizeof(t), false))
		return TEE_ERROR_ACCESS_DENIED;
	copy_from_user(&t, va, sizeof(t));
	if (t.millis >= 1000)
		return TEE_ERROR_BAD_PARAMETERS;
	/* At most (2^32 - 1) * 1000 + 999 ms: no int64_t overflow. */
	offset = ((int64_t)t.seconds * 1000 + t.millis) - (int64_t)system_ms();
	spin_lock(&slots_lock);
	s = find_slot(uuid, true);
	if (s)
		s->offset_ms = offset;
	spin_unlock(&slots_lock);
	return s ? TEE_SUCCESS : TEE_ERROR_OUT_OF_MEMORY;
}
