/*
 * System power through the secure PL061 GPIO: QEMU powers off on a rising
 * edge of line 0 and resets on line 1 (with -no-reboot a reset exits QEMU).
 */
#include <platform_config.h>
#include <rampart/arm64.h>
#include <rampart/plat.h>

#define GPIODIR 0x400

static void gpio_pulse(unsigned int line)
{
	volatile uint32_t *dir =
		(volatile uint32_t *)(PLAT_SECURE_GPIO_BASE + GPIODIR);
	/* PL061 data is addressed through a mask in address bits [9:2]. */
	volatile uint32_t *data =
		(volatile uint32_t *)(PLAT_SECURE_GPIO_BASE + (4u << line));

	*dir |= 1u << line;
	*data = 0;
	*data = 1u << line;
	dsb_sy();
}

void plat_system_off(void)
{
	gpio_pulse(0);
}

void plat_system_reset(void)
{
	gpio_pulse(1);
}
