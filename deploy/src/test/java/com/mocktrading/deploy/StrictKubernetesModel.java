package com.mocktrading.deploy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A manifest read into the Kubernetes API model (fabric8's), strictly: the model keeps a field it does not know in
 * "additional properties" instead of refusing it, so every object of the parsed tree is searched for them. A
 * misspelt or misplaced field (replica: instead of replicas:, probes one level too deep) is reported with its path.
 */
final class StrictKubernetesModel {

    private StrictKubernetesModel() {}

    /** The kinds the model does not know come back as generic resources (FlinkDeployment: see its CRD). */
    static KubernetesResource parse(String manifest) {
        return Serialization.unmarshal(manifest);
    }

    static boolean isKnownKind(KubernetesResource resource) {
        return !(resource instanceof GenericKubernetesResource);
    }

    /** The fields the model does not know, as {@code path: [names]}. */
    static List<String> unknownFields(KubernetesResource resource) {
        List<String> found = new ArrayList<>();
        walk(resource, resource.getClass().getSimpleName(), found);
        return found;
    }

    private static void walk(Object node, String path, List<String> found) {
        if (node == null) {
            return;
        }
        if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                walk(list.get(i), path + "[" + i + "]", found);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> walk(value, path + "." + key, found));
            return;
        }
        if (!node.getClass().getPackageName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0
                    || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get")
                    || getter.getName().equals("getClass")) {
                continue;
            }
            Object value;
            try {
                value = getter.invoke(node);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(path + "." + getter.getName(), e);
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    found.add(path + ": " + extra.keySet());
                }
            } else {
                walk(value, path + "." + property(getter.getName()), found);
            }
        }
    }

    private static String property(String getter) {
        return Character.toLowerCase(getter.charAt(3)) + getter.substring(4);
    }
}
