package io.casegrid.deployment;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/** Reads BPMN and DMN files as plain XML: no DTDs, no external entities. */
final class BpmnXml {

	private BpmnXml() {
	}

	/** Every element of the document, root first. */
	static List<Element> elements(InputStream xml) throws IOException {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setXIncludeAware(false);
			factory.setExpandEntityReferences(false);
			List<Element> elements = new ArrayList<>();
			collect(factory.newDocumentBuilder().parse(xml).getDocumentElement(), elements);
			return elements;
		}
		catch (ParserConfigurationException | SAXException ex) {
			throw new IOException("not well-formed XML: " + ex.getMessage(), ex);
		}
	}

	/** The element's attribute values and own text that hold an expression. */
	static List<String> expressions(Element element) {
		List<String> texts = new ArrayList<>();
		NamedNodeMap attributes = element.getAttributes();
		for (int i = 0; i < attributes.getLength(); i++) {
			texts.add(((Attr) attributes.item(i)).getValue());
		}
		for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
			if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
				texts.add(child.getNodeValue());
			}
		}
		return texts.stream().filter(t -> t.contains("${") || t.contains("#{")).toList();
	}

	private static void collect(Element element, List<Element> into) {
		into.add(element);
		for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
			if (child instanceof Element e) {
				collect(e, into);
			}
		}
	}

}
