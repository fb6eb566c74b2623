package dev.purgedeck.testsupport;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Map;
import javafx.event.EventType;
import javafx.scene.Scene;

/**
 * Counts the event filters registered on a scene. JavaFX offers no public way to list them, so this reads the
 * scene's handler manager by reflection (JavaFX runs on the class path in the tests, so it is open to it).
 */
public final class SceneFilters {
    private SceneFilters() {
    }

    /** How many filters for exactly {@code type} the scene holds. */
    public static int count(Scene scene, EventType<?> type) {
        try {
            Object dispatcher = scene.getEventDispatcher();
            Method manager = dispatcher.getClass().getMethod("getEventHandlerManager");
            Object handlers = manager.invoke(dispatcher);
            Map<?, ?> byType = (Map<?, ?>) field(handlers.getClass(), "eventHandlerMap").get(handlers);
            Object composite = byType.get(type);
            if (composite == null) {
                return 0;
            }
            int filters = 0;
            for (Object r = field(composite.getClass(), "firstRecord").get(composite); r != null; r = next(r)) {
                Method isFilter = r.getClass().getMethod("isFilter");
                isFilter.setAccessible(true);
                filters += (Boolean) isFilter.invoke(r) ? 1 : 0;
            }
            return filters;
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("JavaFX's scene internals changed; update this helper", e);
        }
    }

    private static Object next(Object record) throws ReflectiveOperationException {
        return field(record.getClass().getSuperclass(), "nextRecord").get(record);
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                f.setAccessible(true);
                return f;
            } catch (NoSuchFieldException e) {
                // look further up
            }
        }
        throw new NoSuchFieldException(name);
    }
}
