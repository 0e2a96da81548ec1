package dev.nplusone.it.apps.jobs;

import jakarta.jms.ConnectionFactory;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jms.annotation.EnableJms;
import org.springframework.jms.config.DefaultJmsListenerContainerFactory;

/**
 * Spring JMS for {@link MessagesApp}: {@code @JmsListener} methods of its beans (an
 * {@link InvoiceListener}, registered by the application) listen on the embedded broker.
 */
@Configuration
@EnableJms
public class InvoicesConfig {

    @Bean
    public ConnectionFactory connectionFactory() {
        return new ActiveMQConnectionFactory(Broker.URL);
    }

    @Bean
    public DefaultJmsListenerContainerFactory jmsListenerContainerFactory(ConnectionFactory connectionFactory) {
        DefaultJmsListenerContainerFactory factory = new DefaultJmsListenerContainerFactory();
        factory.setConnectionFactory(connectionFactory);
        factory.setConcurrency("1");
        factory.setReceiveTimeout(100L); // the container polls; a short poll stops it quickly
        return factory;
    }
}
